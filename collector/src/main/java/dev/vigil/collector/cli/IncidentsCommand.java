package dev.vigil.collector.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vigil-collector incidents list|show <id>|ack <id>|resolve <id>}: calls the collector's
 * incidents API and prints what it answers for people. Exit status 0 when the API did it, 1 when it
 * refused or could not be reached (its message on stderr), 2 for a malformed command line.
 */
public final class IncidentsCommand {
  public static final int EXIT_OK = ApiCommand.EXIT_OK;
  public static final int EXIT_REFUSED = ApiCommand.EXIT_REFUSED;
  public static final int EXIT_USAGE = ApiCommand.EXIT_USAGE;

  /** Where the token file is named when {@code --token-file} is not given. */
  public static final String TOKEN_FILE_ENV = ApiClient.TOKEN_FILE_ENV;

  private static final String NAME = "vigil-collector incidents";
  private static final Set<String> FILTERS = Set.of("state", "host", "severity", "limit");
  private static final Set<String> FLAGS = Set.of("comment", "state", "host", "severity", "limit");

  private final PrintStream out;

  private IncidentsCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs {@code args} (what follows {@code incidents}); returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return ApiCommand.run(
        NAME, usage(), args, FLAGS, Set.of(), out, err, env, new IncidentsCommand(out)::call);
  }

  private int call(CommandLine line, ApiClient client) throws IOException, InterruptedException {
    List<String> positional = line.positional();
    if (positional.isEmpty()) {
      throw new IllegalArgumentException("name what to do: list, show, ack or resolve");
    }
    String verb = positional.get(0);
    boolean list = verb.equals("list");
    if (list != (positional.size() == 1) || positional.size() > 2) {
      throw new IllegalArgumentException(
          list ? "list takes no incident id" : verb + " takes one incident id");
    }
    if (!list && line.hasAny(FILTERS)) {
      throw new IllegalArgumentException("--state, --host, --severity and --limit go with list");
    }
    Optional<JsonObject> answer =
        switch (verb) {
          case "list" -> client.get(ApiClient.withQuery("/api/v1/incidents", query(line)));
          case "show" -> client.get("/api/v1/incidents/" + positional.get(1));
          case "ack", "resolve" ->
              client.post("/api/v1/incidents/" + positional.get(1) + "/" + verb, comment(line));
          default ->
              throw new IllegalArgumentException(
                  "unknown command " + verb + "; use list, show, ack or resolve");
        };
    if (answer.isEmpty()) {
      return EXIT_REFUSED;
    }
    if (list) {
      List<JsonObject> incidents = new ArrayList<>();
      answer.get().getAsJsonArray("incidents").forEach(i -> incidents.add(i.getAsJsonObject()));
      out.print(IncidentText.table(incidents));
    } else {
      out.print(IncidentText.card(answer.get()));
    }
    return EXIT_OK;
  }

  private static JsonObject comment(CommandLine line) {
    JsonObject body = new JsonObject();
    String comment = line.flag("comment");
    body.addProperty("comment", comment == null ? "" : comment);
    return body;
  }

  private static List<Map.Entry<String, String>> query(CommandLine line) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    for (String name : List.of("state", "host", "severity", "limit")) {
      query.add(new AbstractMap.SimpleEntry<>(name, line.flag(name)));
    }
    return query;
  }

  static String usage() {
    return String.join(
            "\n",
            "Usage: vigil-collector incidents list [--state S] [--host H] [--severity S] [--limit N]",
            "       vigil-collector incidents show <id>",
            "       vigil-collector incidents ack|resolve <id> [--comment TEXT]",
            "")
        + ApiCommand.connectionUsage();
  }
}
