package dev.vigil.agent.collector.patch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Windows Update Agent session returned, copied out of COM into plain values so the logic
 * that reads it ({@link WuaStatusBuilder}) runs and is tested anywhere.
 *
 * @param pending the updates of {@code Search("IsInstalled=0 and IsHidden=0")}
 * @param history the entries of {@code QueryHistory(0, GetTotalHistoryCount())}
 * @param rebootRequired {@code Microsoft.Update.SystemInfo.RebootRequired}
 * @param lastSearchSuccess {@code Microsoft.Update.AutoUpdate.Results.LastSearchSuccessDate}
 */
record WuaResult(
    List<Update> pending,
    List<HistoryEntry> history,
    boolean rebootRequired,
    Optional<Instant> lastSearchSuccess) {

  /** Copies the lists; absent dates are empty optionals. */
  WuaResult {
    pending = List.copyOf(pending);
    history = List.copyOf(history);
    Objects.requireNonNull(lastSearchSuccess, "lastSearchSuccess");
  }

  /**
   * One pending update ({@code IUpdate}).
   *
   * @param msrcSeverity Critical, Important, Moderate, Low or empty
   * @param categoryIds the {@code CategoryID} of each of its {@code Categories}
   */
  record Update(
      String title,
      String msrcSeverity,
      List<String> categoryIds,
      Optional<Instant> lastDeploymentChangeTime) {

    /** Copies the list; a missing severity is the empty string. */
    Update {
      Objects.requireNonNull(title, "title");
      msrcSeverity = msrcSeverity == null ? "" : msrcSeverity;
      categoryIds = List.copyOf(categoryIds);
      Objects.requireNonNull(lastDeploymentChangeTime, "lastDeploymentChangeTime");
    }
  }

  /**
   * One {@code IUpdateHistoryEntry}.
   *
   * @param operation 1 installation, 2 uninstallation
   * @param resultCode 0 not started, 1 in progress, 2 succeeded, 3 succeeded with errors, 4 failed,
   *     5 aborted
   */
  record HistoryEntry(String title, int operation, int resultCode, Instant date) {}
}
