package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatchSourceChooserTest {
  private static final String PATH =
      String.join(File.pathSeparator, "/usr/local/bin", "", "/usr/bin", "/bin");

  @Test
  void shouldChooseAptWhenAptGetIsInAPathFolder() {
    Set<Path> executables = Set.of(Path.of("/usr/bin/apt-get"));

    assertEquals(
        Optional.of(PatchSourceChooser.Kind.APT),
        PatchSourceChooser.choose(PATH, executables::contains));
  }

  @Test
  void shouldChooseNothingWithoutASupportedPackageManager() {
    Set<Path> executables = Set.of(Path.of("/usr/bin/dnf"), Path.of("/opt/apt-get"));

    assertEquals(Optional.empty(), PatchSourceChooser.choose(PATH, executables::contains));
    assertEquals(Optional.empty(), PatchSourceChooser.choose(null, p -> true));
  }
}
