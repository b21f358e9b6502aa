package dev.vigil.agent.config;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Finds the known name a misspelt one most likely meant, for "did you mean" hints. */
final class ClosestName {
  private ClosestName() {}

  /**
   * The candidate with the smallest edit distance to {@code typed}, if that distance is small for
   * the name's length (at most 2, or a third of its length for longer names).
   */
  static Optional<String> to(String typed, Collection<String> candidates) {
    int allowed = Math.max(2, typed.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(typed, candidate);
      if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /**
   * {@code "; did you mean X?"} with the closest candidate spelt as its source spells names, or
   * nothing when no candidate is close.
   */
  static String hint(String typed, Collection<String> candidates, UnaryOperator<String> spelling) {
    return to(typed, candidates)
        .map(name -> "; did you mean " + spelling.apply(name) + "?")
        .orElse("");
  }

  /** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
