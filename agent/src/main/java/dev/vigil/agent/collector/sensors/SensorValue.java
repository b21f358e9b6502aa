package dev.vigil.agent.collector.sensors;

/**
 * One sensor reading in node_exporter's units: {@code chip} and {@code sensor} are the labels
 * ({@code platform_coretemp_0}, {@code temp1}); the kind picks the family.
 */
record SensorValue(Kind kind, String chip, String sensor, double value) {

  /** What a reading measures, in the order the families are emitted. */
  enum Kind {
    /** {@code temp<N>_input}, °C. */
    TEMP,
    /** {@code temp<N>_crit}, °C. */
    TEMP_CRIT,
    /** {@code fan<N>_input}, revolutions per minute. */
    FAN,
    /** {@code in<N>_input}, volts. */
    IN
  }
}
