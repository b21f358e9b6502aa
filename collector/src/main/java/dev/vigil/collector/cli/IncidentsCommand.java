package dev.vigil.collector.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vigil-collector incidents list|show <id>|ack <id>|resolve <id>}: calls the collector's
 * incidents API and prints what it answers for people. Exit status 0 when the API did it, 1 when it
 * refused or could not be reached (its message on stderr), 2 for a malformed command line.
 */
public final class IncidentsCommand {
  public static final int EXIT_OK = 0;
  public static final int EXIT_REFUSED = 1;
  public static final int EXIT_USAGE = 2;

  /** Where the token file is named when {@code --token-file} is not given. */
  public static final String TOKEN_FILE_ENV = "VIGIL_API_TOKEN_FILE";

  static final String DEFAULT_URL = "http://127.0.0.1:9465";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> FLAGS =
      Set.of("url", "token-file", "comment", "state", "host", "severity", "limit");
  private static final Set<String> FILTERS = Set.of("state", "host", "severity", "limit");

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  private IncidentsCommand(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** Runs {@code args} (what follows {@code incidents}); returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return new IncidentsCommand(out, err, env).run(args);
  }

  private int run(String[] args) {
    if (List.of(args).contains("--help")) {
      out.print(usage());
      return EXIT_OK;
    }
    List<String> positional = new ArrayList<>();
    Map<String, String> flags;
    try {
      flags = flags(args, positional);
      return call(positional, flags);
    } catch (IllegalArgumentException e) {
      err.println("vigil-collector incidents: " + e.getMessage());
      err.print(usage());
      return EXIT_USAGE;
    } catch (IOException e) {
      err.println("vigil-collector incidents: " + e.getMessage());
      return EXIT_REFUSED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_REFUSED;
    }
  }

  private int call(List<String> positional, Map<String, String> flags)
      throws IOException, InterruptedException {
    if (positional.isEmpty()) {
      throw new IllegalArgumentException("name what to do: list, show, ack or resolve");
    }
    String verb = positional.get(0);
    boolean list = verb.equals("list");
    if (list != (positional.size() == 1) || positional.size() > 2) {
      throw new IllegalArgumentException(
          list ? "list takes no incident id" : verb + " takes one incident id");
    }
    if (!list && FILTERS.stream().anyMatch(flags::containsKey)) {
      throw new IllegalArgumentException("--state, --host, --severity and --limit go with list");
    }
    HttpRequest request =
        switch (verb) {
          case "list" -> get(flags, "/api/v1/incidents" + query(flags));
          case "show" -> get(flags, "/api/v1/incidents/" + positional.get(1));
          case "ack", "resolve" -> post(flags, positional.get(1), verb);
          default ->
              throw new IllegalArgumentException(
                  "unknown command " + verb + "; use list, show, ack or resolve");
        };
    return print(verb, send(request));
  }

  private int print(String verb, HttpResponse<String> response) {
    JsonObject body = json(response);
    if (response.statusCode() != 200) {
      String message =
          body != null && body.has("error") ? body.get("error").getAsString() : response.body();
      err.println("vigil-collector incidents: " + response.statusCode() + ": " + message);
      return EXIT_REFUSED;
    }
    if (body == null) {
      err.println("vigil-collector incidents: the collector did not answer JSON");
      return EXIT_REFUSED;
    }
    if (verb.equals("list")) {
      List<JsonObject> incidents = new ArrayList<>();
      body.getAsJsonArray("incidents").forEach(i -> incidents.add(i.getAsJsonObject()));
      out.print(IncidentText.table(incidents));
    } else {
      out.print(IncidentText.card(body));
    }
    return EXIT_OK;
  }

  private static JsonObject json(HttpResponse<String> response) {
    try {
      JsonElement json = JsonParser.parseString(response.body());
      return json.isJsonObject() ? json.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IOException("cannot reach " + request.uri() + ": " + e, e);
    }
  }

  private HttpRequest get(Map<String, String> flags, String path) throws IOException {
    return request(flags, path).GET().build();
  }

  private HttpRequest post(Map<String, String> flags, String id, String verb) throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("comment", flags.getOrDefault("comment", ""));
    return request(flags, "/api/v1/incidents/" + id + "/" + verb)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest.Builder request(Map<String, String> flags, String path) throws IOException {
    String base = flags.getOrDefault("url", DEFAULT_URL).replaceAll("/+$", "");
    URI uri;
    try {
      uri = URI.create(base + path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url: expected a URL like " + DEFAULT_URL, e);
    }
    return HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token(flags));
  }

  private String token(Map<String, String> flags) throws IOException {
    String file = flags.getOrDefault("token-file", env.get(TOKEN_FILE_ENV));
    if (file == null) {
      throw new IllegalArgumentException(
          "name the API token's file with --token-file or " + TOKEN_FILE_ENV);
    }
    String token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    if (token.isEmpty() || token.contains("\n")) {
      throw new IOException(file + ": expected the token alone on one line");
    }
    return token;
  }

  private static String query(Map<String, String> flags) {
    StringBuilder query = new StringBuilder();
    for (String name : List.of("state", "host", "severity", "limit")) {
      String value = flags.get(name);
      if (value != null) {
        query.append(query.length() == 0 ? '?' : '&').append(name).append('=');
        query.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  private static Map<String, String> flags(String[] args, List<String> positional) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        positional.add(args[i]);
        continue;
      }
      String name = args[i].substring(2);
      if (!FLAGS.contains(name)) {
        throw new IllegalArgumentException("unknown flag --" + name);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (flags.put(name, args[++i]) != null) {
        throw new IllegalArgumentException("--" + name + " is given more than once");
      }
    }
    return flags;
  }

  static String usage() {
    return String.join(
        "\n",
        "Usage: vigil-collector incidents list [--state S] [--host H] [--severity S] [--limit N]",
        "       vigil-collector incidents show <id>",
        "       vigil-collector incidents ack|resolve <id> [--comment TEXT]",
        "  --url URL          the collector's HTTP address (default " + DEFAULT_URL + ")",
        "  --token-file FILE  file holding the API token (default $" + TOKEN_FILE_ENV + ")",
        "");
  }
}
