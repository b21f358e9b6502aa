package dev.vigil.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
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

  @Test
  void shouldShareOneShapeBetweenHostsThatDefineTheSameSeries() throws Exception {
    HostState other = store.host("web2");
    String[] labels = {"mode", "idle", "cpu", "0"};
    int here = host.define("node_cpu_seconds_total", MetricFamily.Type.COUNTER, "", labels);
    int there =
        other.define(
            "node_cpu_seconds_total",
            MetricFamily.Type.COUNTER,
            "",
            new String[] {"cpu", "0", "mode", "idle"});
    int differs =
        other.define(
            "node_cpu_seconds_total",
            MetricFamily.Type.COUNTER,
            "",
            new String[] {"cpu", "1", "mode", "idle"});

    assertSame(host.slots().text(here), other.slots().text(there), "one text for both hosts");
    assertEquals(
        "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"",
        new String(other.slots().text(there), StandardCharsets.UTF_8));
    assertEquals(
        "node_cpu_seconds_total{cpu=\"1\",mode=\"idle\"",
        new String(other.slots().text(differs), StandardCharsets.UTF_8));
    assertEquals(host.slots().labels(here), other.slots().labels(there));
    assertEquals(
        here, host.define("node_cpu_seconds_total", MetricFamily.Type.COUNTER, "", labels));
  }
}
