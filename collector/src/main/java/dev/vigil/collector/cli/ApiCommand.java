package dev.vigil.collector.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API commands share: {@code --help}, the flags, and the exit status: 0 when the API did
 * it, 1 when it refused or could not be reached (its message on stderr), 2 for a malformed command
 * line (the message and the usage on stderr).
 */
final class ApiCommand {
  static final int EXIT_OK = 0;
  static final int EXIT_REFUSED = 1;
  static final int EXIT_USAGE = 2;

  /** The flags every API command takes. */
  static final Set<String> CONNECTION_FLAGS = Set.of("url", "token-file");

  /** What one command does once its command line is read; returns the exit status. */
  @FunctionalInterface
  interface Action {
    int run(CommandLine line, ApiClient client) throws IOException, InterruptedException;
  }

  private ApiCommand() {}

  /**
   * Runs {@code action} on {@code args}.
   *
   * @param name the command as typed, e.g. {@code vigil-collector hosts}
   * @param flags the flags the command takes besides {@link #CONNECTION_FLAGS}
   * @param repeatable those of {@code flags} that may be given more than once
   */
  static int run(
      String name,
      String usage,
      String[] args,
      Set<String> flags,
      Set<String> repeatable,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Action action) {
    if (List.of(args).contains("--help")) {
      out.print(usage);
      return EXIT_OK;
    }
    try {
      CommandLine line = CommandLine.parse(args, union(flags), repeatable);
      return action.run(line, new ApiClient(name, line, env, err));
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      err.print(usage);
      return EXIT_USAGE;
    } catch (IOException e) {
      err.println(name + ": " + e.getMessage());
      return EXIT_REFUSED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_REFUSED;
    }
  }

  private static Set<String> union(Set<String> flags) {
    Set<String> all = new HashSet<>(flags);
    all.addAll(CONNECTION_FLAGS);
    return all;
  }

  /** The usage lines of the connection flags. */
  static String connectionUsage() {
    return String.join(
        "\n",
        "  --url URL          the collector's HTTP address (default " + ApiClient.DEFAULT_URL + ")",
        "  --token-file FILE  file holding the API token (default $"
            + ApiClient.TOKEN_FILE_ENV
            + ")",
        "");
  }
}
