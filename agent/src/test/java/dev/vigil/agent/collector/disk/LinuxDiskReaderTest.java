package dev.vigil.agent.collector.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxDiskReaderTest {
  @TempDir Path root;
  private Path proc;
  private Path udev;
  private LinuxDiskReader reader;

  @BeforeEach
  void createTree() throws IOException {
    proc = Files.createDirectories(root.resolve("proc"));
    Path block = Files.createDirectories(root.resolve("sys/block"));
    udev = Files.createDirectories(root.resolve("run/udev/data"));
    for (String disk : List.of("loop0", "loop1", "vda", "zram0", "dm-0", "cciss!c0d0")) {
      Files.createDirectories(block.resolve(disk));
    }
    reader = new LinuxDiskReader(proc, root.resolve("sys"), udev);
  }

  private List<DiskReading> read(String diskstats) throws IOException {
    Files.writeString(proc.resolve("diskstats"), diskstats);
    return reader.read();
  }

  @Test
  void shouldReportWholeDisksWithCountersAndNoUdevDatabase() throws IOException {
    List<DiskReading> disks = read(DiskstatsParserTest.DISKSTATS);

    assertEquals(List.of("loop0", "loop1", "vda", "zram0"), devices(disks));
    assertEquals(
        new DiskReading("vda", "", "", 502154, 603200, 21350666L * 512, 23017256L * 512, 165184, 0),
        disks.get(2));
  }

  @Test
  void shouldLeaveOutPartitions() throws IOException {
    List<DiskReading> disks =
        read(
            """
             254       0 vda 1 0 8 0 2 0 16 0 0 3 0
             254       1 vda1 1 0 8 0 2 0 16 0 0 3 0
            """);

    assertEquals(List.of("vda"), devices(disks));
  }

  @Test
  void shouldTakeModelAndSerialFromUdevOnceWhileTheDeviceStays() throws IOException {
    Files.writeString(udev.resolve("b254:0"), UdevDataParserTest.NVME_ENTRY);
    String line = " 254 0 vda 1 0 8 0 2 0 16 0 0 3 0\n";
    assertEquals("Samsung SSD 980 1TB", read(line).get(0).model());

    Files.writeString(udev.resolve("b254:0"), "E:ID_MODEL=Other\n");
    assertEquals("Samsung SSD 980 1TB", read(line).get(0).model(), "resolved once");

    read("");
    DiskReading replugged = read(line).get(0);
    assertEquals("Other", replugged.model(), "resolved again after it went away");
    assertEquals("", replugged.serial());
  }

  @Test
  void shouldResolveAgainWhenTheNameMovesToOtherDeviceNumbers() throws IOException {
    Files.writeString(udev.resolve("b254:0"), "E:ID_MODEL=First\n");
    Files.writeString(udev.resolve("b254:16"), "E:ID_MODEL=Second\n");
    read(" 254 0 vda 1 0 8 0 2 0 16 0 0 3 0\n");

    assertEquals("Second", read(" 254 16 vda 1 0 8 0 2 0 16 0 0 3 0\n").get(0).model());
  }

  @Test
  void shouldNameDeviceMapperVolumesAsOshiDid() throws IOException {
    Files.writeString(udev.resolve("b253:0"), "E:DM_UUID=LVM-k2Jd0\nE:ID_MODEL=ignored\n");

    DiskReading volume = read(" 253 0 dm-0 1 0 8 0 2 0 16 0 0 3 0\n").get(0);

    assertEquals(DiskIdentityReader.DEVICE_MAPPER_MODEL, volume.model());
    assertEquals("LVM-k2Jd0", volume.serial());
  }

  @Test
  void shouldFindSysfsNamesSpelledWithBang() throws IOException {
    assertEquals(
        List.of("cciss/c0d0"), devices(read(" 104 0 cciss/c0d0 1 0 8 0 2 0 16 0 0 3 0\n")));
  }

  private static List<String> devices(List<DiskReading> disks) {
    return disks.stream().map(DiskReading::device).toList();
  }
}
