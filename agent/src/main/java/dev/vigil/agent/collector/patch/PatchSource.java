package dev.vigil.agent.collector.patch;

import java.util.List;
import java.util.Set;

/**
 * One package manager (apt today; dnf, zypper or Windows Update can be further implementations).
 * {@link #scan()} is slow and runs only on the {@link PatchScanner}'s thread; the reboot methods
 * are cheap and run on every tick so the signal clears by itself after a reboot.
 */
interface PatchSource {

  /** Short name of the package manager, such as {@code apt}. */
  String name();

  /** Asks the package manager what is pending; may take minutes, and is interrupted on timeout. */
  PatchStatus scan() throws Exception;

  /** Every reboot reason this source can report, so each is emitted as 0 while it is not set. */
  List<String> rebootReasons();

  /** The reboot reasons set right now; a subset of {@link #rebootReasons()}. */
  Set<String> pendingRebootReasons() throws Exception;
}
