package dev.vigil.agent.spool.codec;

/**
 * A tick record whose checksum matched but whose contents do not decode: written by a different
 * version, or decoded without the records it depends on.
 */
public final class CorruptTickException extends Exception {
  /** With a description of what did not decode. */
  public CorruptTickException(String message) {
    super(message);
  }
}
