package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import oshi.util.PlatformEnum;

class PatchSourceChooserTest {
  private static final String PATH =
      String.join(File.pathSeparator, "/usr/local/bin", "", "/usr/bin", "/bin");

  @Test
  void shouldChooseAptWhenAptGetIsInAPathFolder() {
    assertEquals(Optional.of(PatchSourceChooser.Kind.APT), choose("/usr/bin/apt-get"));
  }

  @Test
  void shouldChooseDnfOverTheYumThatFedoraKeepsAsAnAlias() {
    assertEquals(Optional.of(PatchSourceChooser.Kind.DNF), choose("/usr/bin/dnf", "/usr/bin/yum"));
  }

  @Test
  void shouldChooseYumOnHostsWithoutDnf() {
    assertEquals(Optional.of(PatchSourceChooser.Kind.YUM), choose("/bin/yum"));
  }

  @Test
  void shouldChooseZypper() {
    assertEquals(Optional.of(PatchSourceChooser.Kind.ZYPPER), choose("/usr/bin/zypper"));
  }

  @Test
  void shouldChooseWindowsUpdateOnWindowsWhateverThePath() {
    assertEquals(
        Optional.of(PatchSourceChooser.Kind.WINDOWS_UPDATE),
        PatchSourceChooser.choose(PlatformEnum.WINDOWS, null, p -> false));
    assertEquals(
        Optional.of(PatchSourceChooser.Kind.APT),
        PatchSourceChooser.choose(
            PlatformEnum.LINUX, PATH, Set.of(Path.of("/usr/bin/apt-get"))::contains));
  }

  @Test
  void shouldChooseNothingWithoutASupportedPackageManager() {
    assertEquals(Optional.empty(), choose("/usr/bin/pacman", "/opt/apt-get"));
    assertEquals(Optional.empty(), PatchSourceChooser.choose(null, p -> true));
  }

  private static Optional<PatchSourceChooser.Kind> choose(String... executables) {
    Set<Path> present =
        Set.of(java.util.Arrays.stream(executables).map(Path::of).toArray(Path[]::new));
    return PatchSourceChooser.choose(PATH, present::contains);
  }
}
