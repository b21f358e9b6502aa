package dev.vigil.agent.collector.sensors;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.collector.FailureLog;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import oshi.hardware.Sensors;
import oshi.util.PlatformEnum;

/**
 * Reports {@code node_hwmon_*} temperatures, fans, fan duty and voltages with their limits and the
 * sensors' labels, read from {@code /sys/class/hwmon} on Linux and from OSHI's CPU sensors
 * elsewhere, and on Linux {@code node_thermal_zone_temp} from {@code /sys/class/thermal}. A reading
 * that cannot be read, holds no number, or (on Windows) never changes is left out and its reason
 * logged once.
 */
public final class SensorsCollector implements Collector {

  static final Metric TEMP =
      Metric.gauge("node_hwmon_temp_celsius", "Hardware monitor for temperature (input)");
  static final Metric TEMP_CRIT =
      Metric.gauge("node_hwmon_temp_crit_celsius", "Hardware monitor for temperature (crit)");
  static final Metric TEMP_MAX =
      Metric.gauge("node_hwmon_temp_max_celsius", "Hardware monitor for temperature (max)");
  static final Metric FAN =
      Metric.gauge("node_hwmon_fan_rpm", "Hardware monitor for fan revolutions per minute (input)");
  static final Metric FAN_MIN =
      Metric.gauge(
          "node_hwmon_fan_min_rpm", "Hardware monitor for fan revolutions per minute (min)");
  static final Metric FAN_MAX =
      Metric.gauge(
          "node_hwmon_fan_max_rpm", "Hardware monitor for fan revolutions per minute (max)");
  static final Metric VOLTS =
      Metric.gauge("node_hwmon_in_volts", "Hardware monitor for voltage (input)");
  static final Metric VOLTS_MIN =
      Metric.gauge("node_hwmon_in_min_volts", "Hardware monitor for voltage (min)");
  static final Metric VOLTS_MAX =
      Metric.gauge("node_hwmon_in_max_volts", "Hardware monitor for voltage (max)");
  static final Metric PWM = Metric.gauge("node_hwmon_pwm", "Hardware monitor pwm element");
  static final Metric SENSOR_LABEL =
      Metric.gauge("node_hwmon_sensor_label", "Label for given chip and sensor");
  static final Metric CHIP_NAMES =
      Metric.gauge("node_hwmon_chip_names", "Annotation metric for human-readable chip names");
  static final Metric THERMAL_ZONE_TEMP =
      Metric.gauge("node_thermal_zone_temp", "Zone temperature in Celsius");

  private static final Map<SensorValue.Kind, Metric> FAMILIES = families();

  private final HwmonReader hwmon;
  private final ThermalZoneReader thermalZones;
  private final Sensors sensors;
  private final StuckSensorFilter temperatureFilter;
  private final FailureLog notices = new FailureLog();

  /** Reads the sensors of {@code context}'s host. */
  public SensorsCollector(CollectorContext context) {
    boolean linux = context.platform() == PlatformEnum.LINUX;
    this.hwmon = linux ? new HwmonReader(context.sysRoot()) : null;
    this.thermalZones = linux ? new ThermalZoneReader(context.sysRoot()) : null;
    this.sensors = linux ? null : context.systemInfo().getHardware().getSensors();
    this.temperatureFilter =
        context.platform() == PlatformEnum.WINDOWS
            ? new StuckSensorFilter(StuckSensorFilter.DEFAULT_LIMIT)
            : null;
  }

  @Override
  public String name() {
    return "sensors";
  }

  /** Reasons readings were left out, each logged once; tests check what was logged. */
  FailureLog notices() {
    return notices;
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    if (hwmon != null) {
      for (HwmonChip chip : hwmon.read()) {
        emit(chip, sink);
        for (String reason : chip.skipped()) {
          notices.report(name(), "hwmon chip " + chip.chip() + ": skipped " + reason);
        }
      }
      ThermalZones zones = thermalZones.read();
      emit(zones, sink);
      for (String reason : zones.skipped()) {
        notices.report(name(), "thermal zone skipped: " + reason);
      }
    } else {
      double celsius = sensors.getCpuTemperature();
      if (temperatureFilter != null) {
        celsius = temperatureFilter.accept(celsius);
        if (temperatureFilter.stuck()) {
          notices.report(
              name(),
              "CPU temperature has not changed for "
                  + StuckSensorFilter.DEFAULT_LIMIT
                  + " readings (a Windows thermal-zone constant): not reported until it changes");
        }
      }
      emit(
          OshiSensorReadings.toValues(celsius, sensors.getFanSpeeds(), sensors.getCpuVoltage()),
          sink);
    }
  }

  static void emit(HwmonChip chip, MetricSink sink) {
    if (!chip.chipName().isEmpty()) {
      sink.add(CHIP_NAMES, 1, "chip", chip.chip(), "chip_name", chip.chipName());
    }
    chip.labels()
        .forEach(
            (sensor, label) ->
                sink.add(SENSOR_LABEL, 1, "chip", chip.chip(), "sensor", sensor, "label", label));
    emit(chip.values(), sink);
  }

  static void emit(ThermalZones zones, MetricSink sink) {
    for (ThermalZone zone : zones.zones()) {
      sink.add(THERMAL_ZONE_TEMP, zone.celsius(), "zone", zone.zone(), "type", zone.type());
    }
  }

  static void emit(List<SensorValue> values, MetricSink sink) {
    for (SensorValue v : values) {
      sink.add(FAMILIES.get(v.kind()), v.value(), "chip", v.chip(), "sensor", v.sensor());
    }
  }

  private static Map<SensorValue.Kind, Metric> families() {
    Map<SensorValue.Kind, Metric> families = new EnumMap<>(SensorValue.Kind.class);
    families.put(SensorValue.Kind.TEMP, TEMP);
    families.put(SensorValue.Kind.TEMP_CRIT, TEMP_CRIT);
    families.put(SensorValue.Kind.TEMP_MAX, TEMP_MAX);
    families.put(SensorValue.Kind.FAN, FAN);
    families.put(SensorValue.Kind.FAN_MIN, FAN_MIN);
    families.put(SensorValue.Kind.FAN_MAX, FAN_MAX);
    families.put(SensorValue.Kind.IN, VOLTS);
    families.put(SensorValue.Kind.IN_MIN, VOLTS_MIN);
    families.put(SensorValue.Kind.IN_MAX, VOLTS_MAX);
    families.put(SensorValue.Kind.PWM, PWM);
    return families;
  }
}
