package dev.vigil.collector.notify.paging;

import dev.vigil.collector.notify.YamlNodes;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads the paging sections of the notifications file, each optional:
 *
 * <pre>
 * time_windows:
 *   business-hours: {zone: Europe/Paris, days: [mon, tue, wed, thu, fri], hours: [08:00-18:00]}
 * paging:
 *   - hosts: {role: workstation}
 *     only_in: business-hours
 * maintenance:
 *   patch-tuesday:
 *     hosts: {site: paris, role: server}
 *     during: patch-nights          # a time window, or from: and until: instants
 *     reason: monthly patching
 * </pre>
 *
 * Errors start with {@code file:line:column} of the node at fault.
 */
public final class PagingWindowsParser {
  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "mon", DayOfWeek.MONDAY,
          "tue", DayOfWeek.TUESDAY,
          "wed", DayOfWeek.WEDNESDAY,
          "thu", DayOfWeek.THURSDAY,
          "fri", DayOfWeek.FRIDAY,
          "sat", DayOfWeek.SATURDAY,
          "sun", DayOfWeek.SUNDAY);

  private final YamlNodes yaml;
  private final Map<String, WeeklyWindow> windows = new LinkedHashMap<>();

  private PagingWindowsParser(YamlNodes yaml) {
    this.yaml = yaml;
  }

  /**
   * The paging rules of a notifications file.
   *
   * @param timeWindows the value of {@code time_windows:}, or null
   * @param paging the value of {@code paging:}, or null
   * @param maintenance the value of {@code maintenance:}, or null
   * @throws IllegalArgumentException starting with {@code file:line:column:}
   */
  public static PagingWindows parse(
      YamlNodes yaml, Node timeWindows, Node paging, Node maintenance) {
    PagingWindowsParser parser = new PagingWindowsParser(yaml);
    if (timeWindows != null) {
      parser.timeWindows(timeWindows);
    }
    List<PagingRoute> routes = paging == null ? List.of() : parser.routes(paging);
    List<MaintenanceWindow> windows =
        maintenance == null ? List.of() : parser.maintenance(maintenance);
    return new PagingWindows(routes, windows);
  }

  private void timeWindows(Node node) {
    for (NodeTuple tuple : yaml.mappingNode(node, "\"time_windows\"").getValue()) {
      String name = yaml.scalar(tuple.getKeyNode(), "a time window name");
      if (windows.containsKey(name)) {
        throw yaml.error(tuple.getKeyNode(), "time window \"" + name + "\" is given twice");
      }
      windows.put(name, weekly(name, tuple.getValueNode()));
    }
  }

  private WeeklyWindow weekly(String name, Node node) {
    String whose = "time window \"" + name + "\"";
    Map<String, Node> fields = yaml.mapping(node, whose, Set.of("zone", "days", "hours"));
    ZoneId zone = zone(yaml.required(fields, node, "zone", whose));
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Node day :
        yaml.list(
            yaml.required(fields, node, "days", whose), "'days' must be a list, e.g. [mon, tue]")) {
      if (!days.add(day(day))) {
        throw yaml.error(day, "day \"" + yaml.scalar(day, "a day") + "\" is listed twice");
      }
    }
    List<TimeRange> ranges = new ArrayList<>();
    for (Node range :
        yaml.list(
            yaml.required(fields, node, "hours", whose),
            "'hours' must be a list, e.g. [08:00-18:00]")) {
      try {
        ranges.add(TimeRange.parse(yaml.scalar(range, "a time range")));
      } catch (IllegalArgumentException e) {
        throw yaml.error(range, "a time range " + e.getMessage());
      }
    }
    return new WeeklyWindow(name, zone, days, ranges);
  }

  private ZoneId zone(Node node) {
    String text = yaml.scalar(node, "'zone'");
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw yaml.error(
          node, "unknown time zone \"" + text + "\"; give an IANA name such as Europe/Paris");
    }
  }

  private DayOfWeek day(Node node) {
    String text = yaml.scalar(node, "a day");
    DayOfWeek day = DAYS.get(text);
    if (day == null) {
      throw yaml.error(
          node, "unknown day \"" + text + "\"; expected mon, tue, wed, thu, fri, sat or sun");
    }
    return day;
  }

  private List<PagingRoute> routes(Node node) {
    List<PagingRoute> routes = new ArrayList<>();
    for (Node item : yaml.list(node, "'paging' must be a list of {hosts, only_in}")) {
      Map<String, Node> fields = yaml.mapping(item, "a paging route", Set.of("hosts", "only_in"));
      HostSelector hosts = hosts(yaml.required(fields, item, "hosts", "a paging route"));
      Optional<WeeklyWindow> onlyIn = Optional.ofNullable(fields.get("only_in")).map(this::window);
      routes.add(new PagingRoute(hosts, onlyIn));
    }
    return routes;
  }

  private List<MaintenanceWindow> maintenance(Node node) {
    List<MaintenanceWindow> list = new ArrayList<>();
    for (NodeTuple tuple : yaml.mappingNode(node, "\"maintenance\"").getValue()) {
      String name = yaml.scalar(tuple.getKeyNode(), "a maintenance window name");
      if (list.stream().anyMatch(w -> w.name().equals(name))) {
        throw yaml.error(tuple.getKeyNode(), "maintenance window \"" + name + "\" is given twice");
      }
      list.add(maintenanceWindow(name, tuple.getValueNode()));
    }
    return list;
  }

  private MaintenanceWindow maintenanceWindow(String name, Node node) {
    String whose = "maintenance window \"" + name + "\"";
    Map<String, Node> fields =
        yaml.mapping(node, whose, Set.of("hosts", "reason", "during", "from", "until"));
    HostSelector hosts = hosts(yaml.required(fields, node, "hosts", whose));
    String reason = yaml.scalar(yaml.required(fields, node, "reason", whose), "'reason'");
    Node during = fields.get("during");
    boolean once = fields.containsKey("from") || fields.containsKey("until");
    if ((during != null) == once) {
      throw yaml.error(
          node, whose + " needs either 'during' (a time window) or 'from' and 'until'");
    }
    if (during != null) {
      return new MaintenanceWindow(
          name, hosts, reason, new MaintenanceSchedule.Weekly(window(during)));
    }
    Node from = yaml.required(fields, node, "from", whose);
    Node until = yaml.required(fields, node, "until", whose);
    Instant start = instant(from);
    Instant end = instant(until);
    if (!end.isAfter(start)) {
      throw yaml.error(until, whose + ": 'until' must be after 'from'");
    }
    return new MaintenanceWindow(name, hosts, reason, new MaintenanceSchedule.Once(start, end));
  }

  private HostSelector hosts(Node node) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (NodeTuple tuple :
        yaml.mappingNode(node, "'hosts' (host labels, e.g. {site: paris}; {} for all)")
            .getValue()) {
      String name = yaml.scalar(tuple.getKeyNode(), "a label name");
      if (labels.put(name, yaml.scalar(tuple.getValueNode(), "label \"" + name + "\"")) != null) {
        throw yaml.error(tuple.getKeyNode(), "label \"" + name + "\" is given twice");
      }
    }
    return new HostSelector(labels);
  }

  private WeeklyWindow window(Node node) {
    String name = yaml.scalar(node, "a time window name");
    WeeklyWindow window = windows.get(name);
    if (window == null) {
      throw yaml.error(
          node,
          "unknown time window \""
              + name
              + "\"; configured: "
              + (windows.isEmpty()
                  ? "none (add it under time_windows)"
                  : YamlNodes.sorted(windows.keySet())));
    }
    return window;
  }

  private Instant instant(Node node) {
    String text = yaml.scalar(node, "a time");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw yaml.error(
          node,
          "a time must be like 2026-12-05T20:00:00+01:00 (with its offset), got \"" + text + "\"");
    }
  }
}
