package dev.vigil.collector.rules.eval;

import static dev.vigil.collector.rules.eval.TestHost.labels;
import static dev.vigil.collector.rules.eval.TestHost.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.store.HostIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivenessNodeTest {
  private static final long T = 1_700_000_000_000L;

  @Test
  void shouldFollowTheHostStateWithoutAnySample() throws Exception {
    TestHost h = new TestHost("pc1");
    Object stream = new Object();
    HostVector up = h.vector("vigil_host_up");
    HostVector lost = h.vector("vigil_host_lost");

    h.host.claim(stream, HostIdentity.UNKNOWN, T);
    assertEquals(Map.of(labels("instance", "pc1"), 1.0), result(up, T));
    assertEquals(Map.of(labels("instance", "pc1"), 0.0), result(lost, T));

    h.host.release(stream, false);
    assertEquals(Map.of(labels("instance", "pc1"), 0.0), result(up, T + 3_600_000));
    assertEquals(Map.of(labels("instance", "pc1"), 1.0), result(lost, T + 3_600_000));

    h.host.claim(stream, HostIdentity.UNKNOWN, T);
    h.host.release(stream, true);
    assertEquals(Map.of(labels("instance", "pc1"), 0.0), result(lost, T));
  }

  @Test
  void shouldApplyMatchersAndComparisons() throws Exception {
    TestHost h = new TestHost("pc1");

    assertEquals(0, h.vector("vigil_host_up{instance=\"pc2\"}").size());
    assertEquals(Map.of(labels("instance", "pc1"), 0.0), result(h.vector("vigil_host_up == 0"), T));
  }

  @Test
  void shouldRefuseARateOverTheCollectorsOwnSeries() throws Exception {
    TestHost h = new TestHost("pc1");

    CompiledHostProgram program = h.compile(null, "rate(vigil_host_up[5m])");

    assertEquals(0, program.expr(0).size());
    assertTrue(
        program.problems().get(0).contains("R0 (test.yml:1:1) on host pc1"),
        program.problems().toString());
  }
}
