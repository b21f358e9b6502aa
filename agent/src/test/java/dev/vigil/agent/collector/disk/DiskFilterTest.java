package dev.vigil.agent.collector.disk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiskFilterTest {

  @ParameterizedTest
  @ValueSource(strings = {"sda", "vda", "nvme0n1", "dm-0", "md0", "mmcblk0", "PHYSICALDRIVE0"})
  void shouldKeepWholeDisks(String device) {
    assertTrue(DiskFilter.accepts(device));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zram0", "ram1", "loop7", "fd0", "sda1", "xvda2", "nvme0n1p3"})
  void shouldSkipRamLoopAndPartitionDevicesAsNodeExporterDoes(String device) {
    assertFalse(DiskFilter.accepts(device));
  }
}
