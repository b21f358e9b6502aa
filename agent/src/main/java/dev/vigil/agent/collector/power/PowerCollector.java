package dev.vigil.agent.collector.power;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.PowerSource;
import oshi.util.PlatformEnum;

/**
 * Reports {@code node_power_supply_*} for batteries and AC adapters, read from sysfs on Linux and
 * from OSHI elsewhere, plus {@code vigil_battery_health_ratio}: full ÷ design capacity.
 */
public final class PowerCollector implements Collector {
  static final Metric INFO =
      Metric.gauge("node_power_supply_info", "info of /sys/class/power_supply/<power_supply>.");
  static final Metric HEALTH =
      Metric.gauge(
          "vigil_battery_health_ratio",
          "Full charge capacity divided by design capacity of a battery.");

  /** The numeric attributes of {@link PowerSupply#values()}, in the order they are emitted. */
  static final List<String> ATTRIBUTES =
      List.of(
          "online",
          "capacity",
          "cyclecount",
          "energy_full",
          "energy_full_design",
          "charge_full",
          "charge_full_design");

  /** One family per numeric attribute. */
  static final Map<String, Metric> VALUES = valueFamilies();

  private final SysfsPowerSupplyReader sysfs;
  private final HardwareAbstractionLayer hardware;

  /** Reads the batteries and adapters of {@code context}'s host. */
  public PowerCollector(CollectorContext context) {
    boolean linux = context.platform() == PlatformEnum.LINUX;
    this.sysfs = linux ? new SysfsPowerSupplyReader(context.sysRoot()) : null;
    this.hardware = linux ? null : context.systemInfo().getHardware();
  }

  @Override
  public String name() {
    return "power";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    for (PowerSupply supply : sysfs != null ? sysfs.read() : oshiSupplies()) {
      emit(supply, sink);
    }
  }

  private List<PowerSupply> oshiSupplies() {
    List<PowerSupply> supplies = new ArrayList<>();
    for (PowerSource source : hardware.getPowerSources()) {
      supplies.add(OshiPowerSources.toPowerSupply(source));
    }
    return supplies;
  }

  static void emit(PowerSupply supply, MetricSink sink) {
    String name = supply.name();
    for (Map.Entry<String, Metric> family : VALUES.entrySet()) {
      Double value = supply.values().get(family.getKey());
      if (value != null) {
        sink.add(family.getValue(), value, "power_supply", name);
      }
    }
    sink.add(INFO, 1, infoLabels(supply));
    Double health = healthRatio(supply.values());
    if (health != null) {
      sink.add(HEALTH, health, "power_supply", name);
    }
  }

  /** Energy full ÷ design when both are known, else charge full ÷ design; null when neither. */
  static Double healthRatio(Map<String, Double> values) {
    Double energy = ratio(values.get("energy_full"), values.get("energy_full_design"));
    return energy != null
        ? energy
        : ratio(values.get("charge_full"), values.get("charge_full_design"));
  }

  private static Double ratio(Double full, Double design) {
    return full == null || design == null || design <= 0 ? null : full / design;
  }

  private static String[] infoLabels(PowerSupply supply) {
    List<String> pairs = new ArrayList<>();
    pairs.add("power_supply");
    pairs.add(supply.name());
    supply
        .info()
        .forEach(
            (key, value) -> {
              pairs.add(key);
              pairs.add(value);
            });
    return pairs.toArray(String[]::new);
  }

  private static Map<String, Metric> valueFamilies() {
    Map<String, Metric> families = new LinkedHashMap<>();
    for (String name : ATTRIBUTES) {
      families.put(
          name,
          Metric.gauge(
              "node_power_supply_" + name,
              name + " value of /sys/class/power_supply/<power_supply>."));
    }
    return Collections.unmodifiableMap(families);
  }
}
