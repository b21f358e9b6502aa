package dev.vigil.agent.collector;

/** How collectors turn OSHI's text readings into label values. */
public final class OshiText {
  /** What OSHI reports for a text it could not read. */
  static final String UNKNOWN = "unknown";

  private OshiText() {}

  /**
   * The value stripped, or empty when OSHI could not read it (null, blank or "unknown"): an
   * unreadable model or serial is an empty label, never a made-up word.
   */
  public static String known(String value) {
    return value == null || value.isBlank() || value.strip().equalsIgnoreCase(UNKNOWN)
        ? ""
        : value.strip();
  }
}
