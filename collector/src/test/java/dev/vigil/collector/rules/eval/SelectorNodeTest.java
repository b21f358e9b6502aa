package dev.vigil.collector.rules.eval;

import static dev.vigil.collector.rules.eval.TestHost.labels;
import static dev.vigil.collector.rules.eval.TestHost.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorNodeTest {
  private static final long T = 1_700_000_000_000L;
  private static final long LOOKBACK = 5 * 60_000L;

  @Test
  void shouldReturnLatestSampleOfMatchingSeriesWithInstanceAndWithoutName() throws Exception {
    TestHost h = new TestHost("pc1");
    int root = h.gauge("node_filesystem_avail_bytes", "mountpoint", "/", "fstype", "ext4");
    int tmp = h.gauge("node_filesystem_avail_bytes", "mountpoint", "/tmp", "fstype", "tmpfs");
    h.set(root, 100, T);
    h.set(tmp, 5, T);

    HostVector v = h.vector("node_filesystem_avail_bytes{fstype!=\"tmpfs\"}");

    assertEquals(
        Map.of(labels("fstype", "ext4", "instance", "pc1", "mountpoint", "/"), 100.0),
        result(v, T));
  }

  @Test
  void shouldSeeASampleExactlyFiveMinutesOldButNotOlderAsPrometheus242() throws Exception {
    TestHost h = new TestHost("pc1");
    int load = h.gauge("node_load1");
    h.set(load, 0.5, T);

    HostVector v = h.vector("node_load1");

    assertEquals(Map.of(labels("instance", "pc1"), 0.5), result(v, T + LOOKBACK));
    assertEquals(Map.of(), result(v, T + LOOKBACK + 1));
  }

  @Test
  void shouldReturnNothingForASeriesWithoutSampleOrAMetricTheHostLacks() throws Exception {
    TestHost h = new TestHost("pc1");
    h.gauge("node_load1");

    assertEquals(Map.of(), result(h.vector("node_load1"), T));
    assertEquals(0, h.vector("node_load5").size());
  }

  @Test
  void shouldTreatAMissingLabelAsEmptyAndAnchorRegularExpressions() throws Exception {
    TestHost h = new TestHost("pc1");
    int plain = h.gauge("node_hwmon_temp_celsius", "chip", "cpu0");
    int named = h.gauge("node_hwmon_temp_celsius", "chip", "cpu0x", "sensor", "temp1");
    h.set(plain, 40, T);
    h.set(named, 50, T);

    assertEquals(
        Map.of(labels("chip", "cpu0", "instance", "pc1"), 40.0),
        result(h.vector("node_hwmon_temp_celsius{sensor=\"\"}"), T));
    assertEquals(
        Map.of(labels("chip", "cpu0", "instance", "pc1"), 40.0),
        result(h.vector("node_hwmon_temp_celsius{chip=~\"cpu[0-9]\"}"), T));
  }

  @Test
  void shouldLeaveOutLabelsWithEmptyValuesAsPrometheusDoes() throws Exception {
    TestHost h = new TestHost("pc1");
    int slot = h.gauge("vigil_updates_pending", "class", "security", "source", "");
    h.set(slot, 3, T);

    assertEquals(
        Map.of(labels("class", "security", "instance", "pc1"), 3.0),
        result(h.vector("vigil_updates_pending"), T));
  }
}
