package dev.vigil.agent.collector.patch;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** A source whose scan is a given function and whose reboot flag is set by the test. */
final class FakePatchSource implements PatchSource {
  private final Callable<PatchStatus> scan;
  volatile boolean rebootPending;

  FakePatchSource(Callable<PatchStatus> scan) {
    this.scan = scan;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public PatchStatus scan() throws Exception {
    return scan.call();
  }

  @Override
  public List<String> rebootReasons() {
    return DebianRebootReader.REASONS;
  }

  @Override
  public Set<String> pendingRebootReasons() {
    return rebootPending ? Set.of(DebianRebootReader.PACKAGES) : Set.of();
  }
}
