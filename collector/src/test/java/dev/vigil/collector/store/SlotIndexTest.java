package dev.vigil.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The slot index against a HashMap, through its growth, with keys whose hashes collide. */
class SlotIndexTest {
  @Test
  void shouldAnswerAsAHashMapDoesThroughGrowthAndCollisions() {
    SlotIndex index = new SlotIndex();
    Map<String, Integer> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (int slot = 0; slot < 5_000; slot++) {
      // "Aa" and "BB" share a hash code, so these keys collide in runs.
      String key = (random.nextBoolean() ? "Aa" : "BB") + random.nextInt(2_000) + "\0" + slot;
      index.put(key, slot);
      expected.put(key, slot);
    }

    assertEquals(expected.size(), index.size());
    expected.forEach((key, slot) -> assertEquals(slot, index.get(key), key));
    assertEquals(-1, index.get("absent"));
    assertEquals(-1, index.get("Aa1\0" + 5_001));
  }
}
