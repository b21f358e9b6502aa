package dev.vigil.collector.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentKeyTest {
  @Test
  void shouldNotDependOnTheOrderOfLabels() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    IncidentKey first = IncidentKey.of("web1", "DiskFull", ab);
    IncidentKey second = IncidentKey.of("web1", "DiskFull", ba);

    assertEquals(first, second);
    assertEquals("[\"web1\",\"DiskFull\",{\"a\":\"1\",\"b\":\"2\"}]", first.canonical());
    assertEquals(first.dedupeKey(), second.dedupeKey());
    assertEquals(64, first.dedupeKey().length());
  }

  @Test
  void shouldTellApartKeysThatOnlyAJoinedStringWouldConfuse() {
    IncidentKey one = IncidentKey.of("a", "b,c", Map.of());
    IncidentKey other = IncidentKey.of("a,b", "c", Map.of());
    IncidentKey labelled = IncidentKey.of("a", "b", Map.of("x", "1\"},{\"y\":\"2"));
    IncidentKey twoLabels = IncidentKey.of("a", "b", Map.of("x", "1", "y", "2"));

    assertNotEquals(one.dedupeKey(), other.dedupeKey());
    assertNotEquals(labelled.dedupeKey(), twoLabels.dedupeKey());
  }

  @Test
  void shouldReadBackTheLabelsItWrote() {
    IncidentKey key = IncidentKey.of("web1", "Hot", Map.of("chip", "cpu \"0\"", "sensor", "é"));

    assertEquals(key, IncidentKey.fromLabelsText("web1", "Hot", key.labelsText()));
  }

  @Test
  void shouldRefuseABlankHostOrRule() {
    IllegalArgumentException host =
        assertThrows(IllegalArgumentException.class, () -> IncidentKey.of(" ", "r", Map.of()));
    IllegalArgumentException rule =
        assertThrows(IllegalArgumentException.class, () -> IncidentKey.of("h", "", Map.of()));

    assertEquals("an incident's host must not be blank", host.getMessage());
    assertEquals("an incident's rule must not be blank", rule.getMessage());
  }
}
