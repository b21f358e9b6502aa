package dev.vigil.collector.api;

import dev.vigil.collector.store.HostState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which hosts a listing returns, from {@code ?state=&label=name:value&after=&limit=}: a host
 * matches when it is in {@code state} (any when null) and carries every label of {@code labels};
 * the listing starts after the name {@code after} (from the start when null) and holds at most
 * {@code limit} hosts, by name.
 */
record HostFilter(HostLiveness state, Map<String, String> labels, String after, int limit) {
  static final int DEFAULT_LIMIT = 100;

  /** The most hosts one answer holds; {@code after} pages through a larger fleet. */
  static final int MAX_LIMIT = 1000;

  HostFilter {
    labels = Map.copyOf(labels);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
    }
  }

  /**
   * Reads the query of {@code GET /api/v1/hosts}.
   *
   * @throws IllegalArgumentException naming the parameter that is malformed
   */
  static HostFilter parse(Map<String, List<String>> query) {
    for (String name : query.keySet()) {
      if (!List.of("state", "label", "after", "limit").contains(name)) {
        throw new IllegalArgumentException("unknown parameter " + name);
      }
    }
    String state = ApiRequests.single(query, "state");
    String limit = ApiRequests.single(query, "limit");
    Map<String, String> labels = new LinkedHashMap<>();
    for (String selector : query.getOrDefault("label", List.of())) {
      int colon = selector.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException(
            "a label selector is name:value, like site:paris, got \"" + selector + "\"");
      }
      String name = selector.substring(0, colon);
      if (labels.put(name, selector.substring(colon + 1)) != null) {
        throw new IllegalArgumentException("the label " + name + " is selected twice");
      }
    }
    return new HostFilter(
        state == null ? null : HostLiveness.parse(state),
        labels,
        ApiRequests.single(query, "after"),
        limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit));
  }

  /** Whether {@code host} comes after {@code after} and matches the state and the labels. */
  boolean matches(HostState host) {
    if (after != null && host.name().compareTo(after) <= 0) {
      return false;
    }
    if (state != null && HostLiveness.of(host) != state) {
      return false;
    }
    Map<String, String> own = host.identity().labels();
    for (Map.Entry<String, String> wanted : labels.entrySet()) {
      if (!wanted.getValue().equals(own.get(wanted.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
