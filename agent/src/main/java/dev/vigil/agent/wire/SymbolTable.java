package dev.vigil.agent.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns strings as dense ids: 0 is the empty string and is never sent, the first new is 1. */
final class SymbolTable {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> symbols = new ArrayList<>();

  /** Id of {@code symbol}, assigning the next one if it is new. */
  int intern(String symbol) {
    if (symbol.isEmpty()) {
      return 0;
    }
    Integer id = ids.get(symbol);
    if (id != null) {
      return id;
    }
    symbols.add(symbol);
    ids.put(symbol, symbols.size());
    return symbols.size();
  }

  /** Number of symbols interned, not counting the implicit empty string. */
  int size() {
    return symbols.size();
  }

  /** Symbols with ids {@code fromId} up to {@link #size()}, in id order. */
  List<String> from(int fromId) {
    return symbols.subList(fromId - 1, symbols.size());
  }
}
