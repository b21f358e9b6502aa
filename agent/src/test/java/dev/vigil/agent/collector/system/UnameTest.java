package dev.vigil.agent.collector.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnameTest {

  @Test
  void shouldBuildUnameFromKernelFilesTrimmingNewlines() {
    Map<String, String> files =
        Map.of(
            "ostype", "Linux\n",
            "osrelease", "6.1.0-18-amd64\n",
            "version", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)\n",
            "hostname", "laptop-042\n",
            "domainname", "(none)\n");

    Uname uname = Uname.fromKernelFiles(files, "amd64");

    assertEquals(
        new Uname(
            "Linux",
            "6.1.0-18-amd64",
            "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
            "x86_64",
            "laptop-042",
            "(none)"),
        uname);
  }

  @Test
  void shouldRefuseToInventAMissingKernelField() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Uname.fromKernelFiles(Map.of("ostype", "Linux"), "amd64"));
  }

  @Test
  void shouldMapJavaArchitecturesToUnameMachines() {
    assertEquals("x86_64", Uname.machine("amd64"));
    assertEquals("aarch64", Uname.machine("aarch64"));
    assertEquals("i686", Uname.machine("x86"));
    assertEquals("riscv64", Uname.machine("riscv64"));
  }
}
