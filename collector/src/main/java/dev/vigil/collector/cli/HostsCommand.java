package dev.vigil.collector.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code vigil-collector hosts list|show <name>|forget <name>}: calls the collector's hosts API and
 * prints what it answers for people, with the exit statuses of {@link ApiCommand}.
 */
public final class HostsCommand {
  private static final String NAME = "vigil-collector hosts";
  private static final Set<String> FILTERS = Set.of("state", "label", "limit", "after");

  private final PrintStream out;

  private HostsCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs {@code args} (what follows {@code hosts}); returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return ApiCommand.run(
        NAME, usage(), args, FILTERS, Set.of("label"), out, err, env, new HostsCommand(out)::call);
  }

  private int call(CommandLine line, ApiClient client) throws IOException, InterruptedException {
    List<String> positional = line.positional();
    String verb = positional.isEmpty() ? "" : positional.get(0);
    switch (verb) {
      case "list" -> {
        if (positional.size() != 1) {
          throw new IllegalArgumentException("list takes no host name");
        }
        return list(client.get(ApiClient.withQuery("/api/v1/hosts", query(line))));
      }
      case "show" -> {
        String path = onePath(line, verb);
        return print(client.get(path), HostText::card);
      }
      case "forget" -> {
        String path = onePath(line, verb);
        return print(client.delete(path), HostText::forgotten);
      }
      default ->
          throw new IllegalArgumentException(
              verb.isEmpty()
                  ? "name what to do: list, show or forget"
                  : "unknown command " + verb + "; use list, show or forget");
    }
  }

  /** The API path of the one host {@code verb} names, refusing the list's flags. */
  private static String onePath(CommandLine line, String verb) {
    List<String> positional = line.positional();
    if (positional.size() != 2) {
      throw new IllegalArgumentException(verb + " takes one host name");
    }
    if (line.hasAny(FILTERS)) {
      throw new IllegalArgumentException("--state, --label, --limit and --after go with list");
    }
    return "/api/v1/hosts/" + pathSegment(positional.get(1));
  }

  private int print(Optional<JsonObject> answer, Function<JsonObject, String> text) {
    answer.ifPresent(a -> out.print(text.apply(a)));
    return answer.isPresent() ? ApiCommand.EXIT_OK : ApiCommand.EXIT_REFUSED;
  }

  private int list(Optional<JsonObject> answer) {
    if (answer.isEmpty()) {
      return ApiCommand.EXIT_REFUSED;
    }
    List<JsonObject> hosts = new ArrayList<>();
    answer.get().getAsJsonArray("hosts").forEach(h -> hosts.add(h.getAsJsonObject()));
    JsonElement next = answer.get().get("next_after");
    out.print(HostText.table(hosts, next == null || next.isJsonNull() ? null : next.getAsString()));
    return ApiCommand.EXIT_OK;
  }

  private static List<Map.Entry<String, String>> query(CommandLine line) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    query.add(new AbstractMap.SimpleEntry<>("state", line.flag("state")));
    line.all("label").forEach(l -> query.add(new AbstractMap.SimpleEntry<>("label", l)));
    query.add(new AbstractMap.SimpleEntry<>("after", line.flag("after")));
    query.add(new AbstractMap.SimpleEntry<>("limit", line.flag("limit")));
    return query;
  }

  /** A host name as one path segment: percent-encoded, spaces as {@code %20}. */
  private static String pathSegment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String usage() {
    return String.join(
            "\n",
            "Usage: vigil-collector hosts list [--state up|elsewhere|shut_down|lost] [--label NAME:VALUE]...",
            "                                  [--limit N] [--after NAME]",
            "       vigil-collector hosts show <name>",
            "       vigil-collector hosts forget <name>   (a write token; not while it is connected)",
            "")
        + ApiCommand.connectionUsage();
  }
}
