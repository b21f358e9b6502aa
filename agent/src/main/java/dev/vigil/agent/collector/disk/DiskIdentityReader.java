package dev.vigil.agent.collector.disk;

import dev.vigil.agent.collector.OshiText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Resolves a block device's {@link DiskIdentity} from sysfs and the udev database, once per device
 * rather than once per tick. Model and serial follow OSHI's rules, so the series keep their labels:
 * udev's {@code ID_MODEL} and {@code ID_SERIAL_SHORT}, and for device-mapper volumes the model
 * "Logical Volume Group" with {@code DM_UUID} as the serial.
 */
final class DiskIdentityReader {
  static final String DEVICE_MAPPER_MODEL = "Logical Volume Group";

  private final Path blockDir;
  private final Path udevDataDir;

  /** Reads {@code <sysRoot>/block} and {@code udevDataDir}, normally {@code /run/udev/data}. */
  DiskIdentityReader(Path sysRoot, Path udevDataDir) {
    this.blockDir = sysRoot.resolve("block");
    this.udevDataDir = udevDataDir;
  }

  /** The identity of {@code device} with numbers {@code major:minor}. */
  DiskIdentity resolve(String device, int major, int minor) throws IOException {
    // /sys/block lists whole disks only; sysfs spells a "/" in a kernel name as "!".
    boolean wholeDisk = Files.isDirectory(blockDir.resolve(device.replace('/', '!')));
    if (!wholeDisk) {
      return new DiskIdentity(major, minor, false, "", "");
    }
    String udevData = readUdevData(major, minor);
    if (device.startsWith("dm-")) {
      String uuid = UdevDataParser.property(udevData, "DM_UUID");
      return new DiskIdentity(major, minor, true, DEVICE_MAPPER_MODEL, OshiText.known(uuid));
    }
    return new DiskIdentity(
        major,
        minor,
        true,
        OshiText.known(UdevDataParser.property(udevData, "ID_MODEL")),
        OshiText.known(UdevDataParser.property(udevData, "ID_SERIAL_SHORT")));
  }

  /** The device's udev entry, empty where udev does not run (containers, minimal VMs). */
  private String readUdevData(int major, int minor) throws IOException {
    try {
      return Files.readString(
          udevDataDir.resolve("b" + major + ":" + minor), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    }
  }
}
