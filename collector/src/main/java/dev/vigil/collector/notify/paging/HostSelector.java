package dev.vigil.collector.notify.paging;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Chooses hosts by the labels they send in their Hello ({@code site}, {@code role}, ...): a host
 * matches when it has every label with exactly that value. No labels matches every host.
 *
 * @param labels the labels a host must have
 */
public record HostSelector(Map<String, String> labels) {
  /** Copies the map. */
  public HostSelector {
    labels = Map.copyOf(labels);
  }

  /** Whether a host with {@code hostLabels} is chosen. */
  public boolean matches(Map<String, String> hostLabels) {
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!label.getValue().equals(hostLabels.get(label.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** {@code role=server, site=paris}, sorted by name; {@code all hosts} when empty. */
  @Override
  public String toString() {
    if (labels.isEmpty()) {
      return "all hosts";
    }
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }
}
