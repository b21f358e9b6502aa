package dev.vigil.agent.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vigil.proto.v1.Hello;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.util.PlatformEnum;

class AgentIdentityTest {

  @TempDir Path root;

  @Test
  void shouldDeriveAStableAgentIdFromHostNameAndMachineId() {
    String id = AgentIdentity.agentId("laptop-042", "3d1219c7c4c5404aaa1f6d2a48adfda4");

    assertEquals(id, AgentIdentity.agentId("laptop-042", "3d1219c7c4c5404aaa1f6d2a48adfda4"));
    assertEquals(id, UUID.fromString(id).toString());
    assertNotEquals(id, AgentIdentity.agentId("laptop-043", "3d1219c7c4c5404aaa1f6d2a48adfda4"));
  }

  @Test
  void shouldReadBootIdAndMachineIdFromTheConfiguredPaths() throws Exception {
    Path bootId = Files.createDirectories(root.resolve("proc/sys/kernel/random"));
    Files.writeString(bootId.resolve("boot_id"), "5f52881b-19a0-461d-b58f-e53b84df0b1f\n");
    Files.writeString(root.resolve("machine-id"), "abc\n");

    AgentIdentity identity =
        AgentIdentity.detect(
            "host-a", root.resolve("proc"), root.resolve("machine-id"), PlatformEnum.LINUX);
    Hello hello = identity.hello(9, Map.of("site", "paris"));

    assertEquals("5f52881b-19a0-461d-b58f-e53b84df0b1f", hello.getBootId());
    assertEquals(AgentIdentity.agentId("host-a", "abc"), hello.getAgentId());
    assertEquals("host-a", hello.getHostName());
    assertEquals("linux", hello.getOs());
    assertEquals(9, hello.getEpoch());
    assertEquals(Map.of("site", "paris"), hello.getLabelsMap());
  }

  @Test
  void shouldLeaveBootIdEmptyWhereThePlatformHasNone() {
    AgentIdentity identity =
        AgentIdentity.detect(
            "host-b", root.resolve("absent"), root.resolve("absent-id"), PlatformEnum.WINDOWS);

    assertEquals("", identity.bootId());
    assertEquals("windows", identity.os());
  }

  @Test
  void shouldNameOperatingSystemsAsGoDoes() {
    assertEquals("darwin", AgentIdentity.osFamily(PlatformEnum.MACOS));
    assertEquals("freebsd", AgentIdentity.osFamily(PlatformEnum.FREEBSD));
  }
}
