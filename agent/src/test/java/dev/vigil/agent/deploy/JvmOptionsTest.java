package dev.vigil.agent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Starts JVMs the way the service starts them, {@code java @deploy/agent/jvm.options}: a heap or
 * metaspace cap the agent cannot work within, or a flag this JDK does not apply, fails here rather
 * than on the endpoints.
 */
class JvmOptionsTest {
  private static final Path OPTIONS = Path.of("../deploy/agent/jvm.options");
  // -XX:+Name, -XX:-Name or -XX:Name=value
  private static final Pattern XX_FLAG = Pattern.compile("-XX:(?:([+-])(\\w+)|(\\w+)=(\\S+))");

  @Test
  void shouldCollectOneTickWithTheShippedJvmFlags() throws Exception {
    String output =
        runJava("-cp", System.getProperty("java.class.path"), "dev.vigil.agent.AgentMain", "once");

    assertTrue(output.contains("\nnode_uname_info{"), output);
    assertTrue(output.contains("vigil_agent_collector_success{collector=\"cpu\"} 1"), output);
  }

  /**
   * The file carries -XX:+IgnoreUnrecognizedVMOptions so that a later JDK without one of its flags
   * still starts the service; this proves that the JDK of the build knows every flag and set it
   * from the command line to the value written, so a misspelt flag fails the build.
   */
  @Test
  void shouldApplyEveryXxFlagOfTheFile() throws Exception {
    String flags = runJava("-XX:+PrintFlagsFinal", "-version");

    List<String> written = xxFlags();
    assertTrue(written.size() >= 10, "too few -XX flags found in " + OPTIONS + ": " + written);
    for (String flag : written) {
      Matcher m = XX_FLAG.matcher(flag);
      assertTrue(m.matches(), flag);
      String name = m.group(2) != null ? m.group(2) : m.group(3);
      String value =
          m.group(2) != null ? String.valueOf(m.group(1).equals("+")) : inBytes(m.group(4));
      Pattern applied =
          Pattern.compile(
              "(?m)^\\s*\\S+\\s+"
                  + name
                  + "\\s+= "
                  + Pattern.quote(value)
                  + "\\s+\\{[^}]+\\} \\{command line\\}$");
      assertTrue(applied.matcher(flags).find(), flag + " is not applied by this JDK");
    }
  }

  // PrintFlagsFinal shows sizes in bytes: 64m is 67108864.
  private static String inBytes(String value) {
    Matcher size = Pattern.compile("(\\d+)([kmg])", Pattern.CASE_INSENSITIVE).matcher(value);
    if (!size.matches()) {
      return value;
    }
    int shift = "kmg".indexOf(Character.toLowerCase(size.group(2).charAt(0))) * 10 + 10;
    return String.valueOf(Long.parseLong(size.group(1)) << shift);
  }

  private static List<String> xxFlags() throws IOException {
    List<String> flags = new ArrayList<>();
    for (String line : Files.readAllLines(OPTIONS)) {
      String option = line.strip();
      if (option.startsWith("-XX:")) {
        flags.add(option);
      }
    }
    return flags;
  }

  private static String runJava(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + OPTIONS);
    command.addAll(List.of(arguments));
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(120, TimeUnit.SECONDS), command + " did not finish");
    assertEquals(0, jvm.exitValue(), command + "\n" + output);
    return output;
  }
}
