package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A source whose scan is a given function, whose live reboot flag and install marker are set by the
 * test, and which (when told) also has a reason only a scan can tell.
 */
final class FakePatchSource implements PatchSource {
  static final String SCANNED = "scanned";

  private final Callable<PatchStatus> scan;
  private final List<String> scannedReasons;
  volatile boolean rebootPending;
  volatile Optional<Instant> lastChange = Optional.empty();

  FakePatchSource(Callable<PatchStatus> scan) {
    this(scan, List.of());
  }

  FakePatchSource(Callable<PatchStatus> scan, List<String> scannedReasons) {
    this.scan = scan;
    this.scannedReasons = scannedReasons;
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

  @Override
  public List<String> scannedRebootReasons() {
    return scannedReasons;
  }

  @Override
  public Optional<Instant> lastChange() {
    return lastChange;
  }
}
