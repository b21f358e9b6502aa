package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Turns what the Windows Update Agent returned into a {@link PatchStatus}. */
final class WuaStatusBuilder {
  /** The update classification "Security Updates". */
  static final String SECURITY_CLASSIFICATION = "0fa1201d-4330-4fa8-8ae9-b877473b6441";

  /** The reason {@code SystemInfo.RebootRequired} gives. */
  static final String UPDATE_AGENT = "update_agent";

  static final int INSTALLATION = 1;
  static final int SUCCEEDED = 2;

  private WuaStatusBuilder() {}

  /**
   * Security updates are those in the Security Updates classification, with their MsrcSeverity and
   * the {@code LastDeploymentChangeTime} (when Microsoft last released them) for the oldest; the
   * last install is the newest successful installation in the history; the last refresh is the last
   * successful search of the automatic updates.
   */
  static PatchStatus status(WuaResult result) {
    List<Severity> severities = new ArrayList<>();
    Instant oldest = null;
    int other = 0;
    for (WuaResult.Update update : result.pending()) {
      if (!isSecurity(update)) {
        other++;
        continue;
      }
      severities.add(Severity.of(update.msrcSeverity()));
      oldest = LocalTimes.earlier(oldest, update.lastDeploymentChangeTime().orElse(null));
    }
    return new PatchStatus(
        new PendingUpdates(severities.size(), other),
        PatchStatus.countBySeverity(severities),
        Optional.ofNullable(oldest),
        lastInstall(result.history()),
        result.lastSearchSuccess(),
        result.rebootRequired() ? Set.of(UPDATE_AGENT) : Set.of(),
        OptionalInt.empty());
  }

  private static boolean isSecurity(WuaResult.Update update) {
    return update.categoryIds().stream()
        .anyMatch(id -> id.toLowerCase(Locale.ROOT).equals(SECURITY_CLASSIFICATION));
  }

  /** The newest entry that is an installation and succeeded; failures and removals don't count. */
  private static Optional<Instant> lastInstall(List<WuaResult.HistoryEntry> history) {
    Instant newest = null;
    for (WuaResult.HistoryEntry entry : history) {
      boolean installed = entry.operation() == INSTALLATION && entry.resultCode() == SUCCEEDED;
      if (installed) {
        newest = LocalTimes.later(newest, entry.date());
      }
    }
    return Optional.ofNullable(newest);
  }
}
