package dev.vigil.agent.collector.patch;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.util.IDispatch;
import com.sun.jna.platform.win32.COM.util.ObjectFactory;
import com.sun.jna.platform.win32.COM.util.annotation.ComObject;
import com.sun.jna.platform.win32.Ole32;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Windows Update Agent through JNA's COM late binding and copies what it returns into a
 * {@link WuaResult}; the only class here that touches COM, kept to calls and copies so the logic
 * stays in {@link WuaStatusBuilder}. Runs only on Windows, on a thread of the {@link PatchScanner}
 * that it initialises for COM and uninitialises again on every read.
 */
final class WuaClient {
  /** Pending, not hidden by the user; searched offline against the last downloaded catalogue. */
  static final String CRITERIA = "IsInstalled=0 and IsHidden=0";

  @ComObject(progId = "Microsoft.Update.Session")
  interface Session extends IDispatch {}

  @ComObject(progId = "Microsoft.Update.SystemInfo")
  interface SystemInfo extends IDispatch {}

  @ComObject(progId = "Microsoft.Update.AutoUpdate")
  interface AutoUpdate extends IDispatch {}

  /** One session's answers; COM is set up on the calling thread for the call only. */
  WuaResult read() {
    COMUtils.checkRC(Ole32.INSTANCE.CoInitializeEx(Pointer.NULL, Ole32.COINIT_MULTITHREADED));
    ObjectFactory factory = new ObjectFactory();
    try {
      return read(factory);
    } finally {
      factory.disposeAll();
      Ole32.INSTANCE.CoUninitialize();
    }
  }

  private static WuaResult read(ObjectFactory factory) {
    IDispatch searcher =
        factory.createObject(Session.class).invokeMethod(IDispatch.class, "CreateUpdateSearcher");
    // Offline: only the catalogue the last online scan left, so the search takes seconds and
    // never downloads.
    searcher.setProperty("Online", false);
    IDispatch found = searcher.invokeMethod(IDispatch.class, "Search", CRITERIA);
    List<WuaResult.Update> pending = updates(found.getProperty(IDispatch.class, "Updates"));
    int total = searcher.invokeMethod(Integer.class, "GetTotalHistoryCount");
    List<WuaResult.HistoryEntry> history =
        total == 0
            ? List.of()
            : history(searcher.invokeMethod(IDispatch.class, "QueryHistory", 0, total));
    boolean reboot =
        factory.createObject(SystemInfo.class).getProperty(Boolean.class, "RebootRequired");
    IDispatch results =
        factory.createObject(AutoUpdate.class).getProperty(IDispatch.class, "Results");
    return new WuaResult(
        pending, history, reboot, date(results.getProperty(Object.class, "LastSearchSuccessDate")));
  }

  private static List<WuaResult.Update> updates(IDispatch collection) {
    List<WuaResult.Update> updates = new ArrayList<>();
    for (IDispatch update : items(collection)) {
      List<String> categories = new ArrayList<>();
      for (IDispatch category : items(update.getProperty(IDispatch.class, "Categories"))) {
        categories.add(category.getProperty(String.class, "CategoryID"));
      }
      updates.add(
          new WuaResult.Update(
              update.getProperty(String.class, "Title"),
              update.getProperty(String.class, "MsrcSeverity"),
              categories,
              date(update.getProperty(Object.class, "LastDeploymentChangeTime"))));
    }
    return updates;
  }

  private static List<WuaResult.HistoryEntry> history(IDispatch collection) {
    List<WuaResult.HistoryEntry> entries = new ArrayList<>();
    for (IDispatch entry : items(collection)) {
      Optional<Instant> date = date(entry.getProperty(Object.class, "Date"));
      date.ifPresent(
          at ->
              entries.add(
                  new WuaResult.HistoryEntry(
                      entry.getProperty(String.class, "Title"),
                      entry.getProperty(Integer.class, "Operation"),
                      entry.getProperty(Integer.class, "ResultCode"),
                      at)));
    }
    return entries;
  }

  /** The elements of a WUA collection ({@code Count} and the indexed {@code Item}). */
  private static List<IDispatch> items(IDispatch collection) {
    int count = collection.getProperty(Integer.class, "Count");
    List<IDispatch> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(collection.getProperty(IDispatch.class, "Item", i));
    }
    return items;
  }

  /** A VARIANT date, empty when WUA left it unset (VT_EMPTY). */
  private static Optional<Instant> date(Object value) {
    return value instanceof Date date ? Optional.of(date.toInstant()) : Optional.empty();
  }
}
