package dev.vigil.agent.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * A label set as a flat list {@code name, value, name, value, ...}, sorted by name so that equal
 * sets compare equal whatever order a collector wrote them in.
 */
public record Labels(List<String> pairs) {

  /** The empty label set. */
  public static final Labels NONE = new Labels(List.of());

  /** Copies the pairs so a label set is immutable. */
  public Labels {
    pairs = List.copyOf(pairs);
  }

  /** Builds a label set from alternating names and values, in any order. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels need name/value pairs, got an odd count");
    }
    if (namesAndValues.length == 0) {
      return NONE;
    }
    List<String[]> sorted = new ArrayList<>(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      sorted.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
    }
    sorted.sort((a, b) -> a[0].compareTo(b[0]));
    List<String> flat = new ArrayList<>(namesAndValues.length);
    for (String[] pair : sorted) {
      flat.add(pair[0]);
      flat.add(pair[1]);
    }
    return new Labels(flat);
  }

  /** Number of label pairs. */
  public int size() {
    return pairs.size() / 2;
  }

  /** Name of the pair at {@code index}. */
  public String name(int index) {
    return pairs.get(2 * index);
  }

  /** Value of the pair at {@code index}. */
  public String value(int index) {
    return pairs.get(2 * index + 1);
  }
}
