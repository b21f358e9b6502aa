package dev.vigil.agent.collector.patch;

import static dev.vigil.agent.collector.patch.WindowsRebootReader.ACTIVE_NAME_KEY;
import static dev.vigil.agent.collector.patch.WindowsRebootReader.FILE_RENAME_VALUE;
import static dev.vigil.agent.collector.patch.WindowsRebootReader.NAME_VALUE;
import static dev.vigil.agent.collector.patch.WindowsRebootReader.PENDING_NAME_KEY;
import static dev.vigil.agent.collector.patch.WindowsRebootReader.SESSION_MANAGER_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowsRebootReaderTest {
  private final FakeWindowsRegistry registry = new FakeWindowsRegistry();
  private final WindowsRebootReader reader = new WindowsRebootReader(registry);

  @Test
  void shouldReportNothingOnACleanRegistry() {
    registry.strings.put(ACTIVE_NAME_KEY + "\\" + NAME_VALUE, "WS-0042");
    registry.strings.put(PENDING_NAME_KEY + "\\" + NAME_VALUE, "ws-0042");

    assertEquals(Set.of(), reader.pendingReasons());
  }

  @Test
  void shouldReportEachSignalAsItsOwnReason() {
    registry.keys.add(WindowsRebootReader.SERVICING_KEY);
    assertEquals(Set.of(WindowsRebootReader.SERVICING), reader.pendingReasons());

    registry.keys.add(WindowsRebootReader.WINDOWS_UPDATE_KEY);
    registry.multiStrings.put(
        SESSION_MANAGER_KEY + "\\" + FILE_RENAME_VALUE,
        List.of("\\??\\C:\\Windows\\Temp\\old.dll", ""));
    registry.strings.put(ACTIVE_NAME_KEY + "\\" + NAME_VALUE, "WS-0042");
    registry.strings.put(PENDING_NAME_KEY + "\\" + NAME_VALUE, "WS-0043");

    assertEquals(Set.copyOf(WindowsRebootReader.REASONS), reader.pendingReasons());
  }

  @Test
  void shouldClearWhenWindowsRemovesTheKeysAtBoot() {
    registry.keys.add(WindowsRebootReader.SERVICING_KEY);
    registry.keys.add(WindowsRebootReader.WINDOWS_UPDATE_KEY);
    assertEquals(2, reader.pendingReasons().size());

    registry.keys.clear();

    assertEquals(Set.of(), reader.pendingReasons());
  }

  @Test
  void shouldIgnoreAnEmptyFileRenameList() {
    registry.multiStrings.put(SESSION_MANAGER_KEY + "\\" + FILE_RENAME_VALUE, List.of(""));

    assertEquals(Set.of(), reader.pendingReasons());
  }
}
