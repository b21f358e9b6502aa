package dev.vigil.collector.store;

/**
 * One host's series keys to their slots: open addressing with linear probing over a key array and a
 * slot array, at most half full. A {@code HashMap<String, Integer>} spent a node, a boxed slot and
 * a table entry per series, about 55 bytes; this spends 16 to 32 (8 per table entry, the table 2 to
 * 4 times the entries). Used on the cold path (a catalog), under the host's lock.
 */
final class SlotIndex {
  private static final int ABSENT = -1;

  private String[] keys = new String[16];
  private int[] slots = new int[16];
  private int size;

  /** The slot of {@code key}, or -1. */
  int get(String key) {
    int mask = keys.length - 1;
    for (int i = spread(key.hashCode()) & mask; keys[i] != null; i = (i + 1) & mask) {
      if (keys[i].equals(key)) {
        return slots[i];
      }
    }
    return ABSENT;
  }

  /** Adds {@code key}, which must be absent. */
  void put(String key, int slot) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(keys, slots, key, slot);
    size++;
  }

  int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new String[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(keys, slots, oldKeys[i], oldSlots[i]);
      }
    }
  }

  private static void insert(String[] keys, int[] slots, String key, int slot) {
    int mask = keys.length - 1;
    int i = spread(key.hashCode()) & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    slots[i] = slot;
  }

  /** Mixes the high bits in, as HashMap does, so keys differing only there spread too. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
