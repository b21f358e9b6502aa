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
    /** {@code temp<N>_max}, °C. */
    TEMP_MAX,
    /** {@code fan<N>_input}, revolutions per minute. */
    FAN,
    /** {@code fan<N>_min}, revolutions per minute. */
    FAN_MIN,
    /** {@code fan<N>_max}, revolutions per minute. */
    FAN_MAX,
    /** {@code in<N>_input}, volts. */
    IN,
    /** {@code in<N>_min}, volts. */
    IN_MIN,
    /** {@code in<N>_max}, volts. */
    IN_MAX,
    /** {@code pwm<N>}, the fan's duty cycle as the chip sets it, 0 to 255. */
    PWM
  }
}
