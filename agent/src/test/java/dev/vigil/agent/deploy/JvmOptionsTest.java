package dev.vigil.agent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs one real tick of the agent ({@code vigil-agent once}) in a JVM started the way the service
 * starts it, {@code java @deploy/agent/jvm.options}: a flag this JDK rejects, or a heap or
 * metaspace cap the agent cannot work within, fails here rather than at every start of the service.
 */
class JvmOptionsTest {
  private static final Path OPTIONS = Path.of("../deploy/agent/jvm.options");

  @Test
  void shouldCollectOneTickWithTheShippedJvmFlags() throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@" + OPTIONS,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.vigil.agent.AgentMain",
            "once");

    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(120, TimeUnit.SECONDS), "vigil-agent once did not finish");

    assertEquals(0, jvm.exitValue(), command + "\n" + output);
    assertTrue(output.contains("\nnode_uname_info{"), output);
    assertTrue(output.contains("vigil_agent_collector_success{collector=\"cpu\"} 1"), output);
  }
}
