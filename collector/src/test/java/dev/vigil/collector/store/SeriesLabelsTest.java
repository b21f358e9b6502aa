package dev.vigil.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A series' labels read back as defined, whatever their values hold, and families found by name.
 */
class SeriesLabelsTest {
  private final SeriesStore store = new SeriesStore(100);
  private final HostState host = store.host("web1");

  @Test
  void shouldReadBackLabelsWhateverTheirValuesHold() throws Exception {
    String awkward = "a \"quoted\" back\\slash,\nnew line={x}";
    int slot =
        host.define(
            "vigil_reboot_required",
            MetricFamily.Type.GAUGE,
            "",
            new String[] {"reason", awkward, "b", "", "a", "1"});

    Map<String, String> labels = host.slots().labels(slot);

    assertEquals(Map.of("a", "1", "b", "", "reason", awkward), labels);
    assertEquals(List.of("a", "b", "reason"), List.copyOf(labels.keySet()));
  }

  @Test
  void shouldReadNoLabelsOfASeriesWithout() throws Exception {
    int slot = host.define("node_reboot_required", MetricFamily.Type.GAUGE, "", new String[0]);

    assertEquals(Map.of(), host.slots().labels(slot));
  }

  @Test
  void shouldFindAFamilyByNameAmongMany() throws Exception {
    for (String name : List.of("m_c", "m_a", "m_e", "m_b", "m_d")) {
      host.define(name, MetricFamily.Type.GAUGE, "", new String[0]);
    }

    for (MetricFamily family : store.families()) {
      assertSame(family, store.findFamily(family.name()));
    }
    assertNull(store.findFamily("m_0"));
    assertNull(store.findFamily("m_f"));
    assertNull(store.findFamily("m_bb"));
  }
}
