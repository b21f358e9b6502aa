package dev.vigil.collector.api;

/** What a token may do: read only, or read and change incidents. */
public enum ApiRole {
  READ,
  WRITE;

  /** Whether a token of this role may do what {@code needed} allows. */
  boolean allows(ApiRole needed) {
    return this == WRITE || needed == READ;
  }
}
