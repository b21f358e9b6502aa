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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls the collector's API for a command: the address from {@code --url}, the token from the file
 * {@code --token-file} or {@value #TOKEN_FILE_ENV} names, and the answer's JSON, or its error
 * printed on stderr.
 */
final class ApiClient {
  /** Where the token file is named when {@code --token-file} is not given. */
  static final String TOKEN_FILE_ENV = "VIGIL_API_TOKEN_FILE";

  static final String DEFAULT_URL = "http://127.0.0.1:9465";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String command;
  private final String base;
  private final String tokenFile;
  private final PrintStream err;

  /**
   * @param command the command's name in messages, e.g. {@code vigil-collector hosts}
   * @throws IllegalArgumentException when no token file is named
   */
  ApiClient(String command, CommandLine line, Map<String, String> env, PrintStream err) {
    this.command = command;
    String url = line.flag("url");
    this.base = (url == null ? DEFAULT_URL : url).replaceAll("/+$", "");
    String file = line.flag("token-file");
    this.tokenFile = file == null ? env.get(TOKEN_FILE_ENV) : file;
    if (tokenFile == null) {
      throw new IllegalArgumentException(
          "name the API token's file with --token-file or " + TOKEN_FILE_ENV);
    }
    this.err = err;
  }

  /** A path with {@code ?name=value&...} of the pairs whose value is not null, encoded. */
  static String withQuery(String path, List<Map.Entry<String, String>> parameters) {
    StringBuilder query = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters) {
      if (parameter.getValue() != null) {
        query.append(separator).append(parameter.getKey()).append('=');
        query.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return query.toString();
  }

  /** The JSON of a GET of {@code path}, or empty when the API refused (said on stderr). */
  Optional<JsonObject> get(String path) throws IOException, InterruptedException {
    return answer(send(request(path).GET().build()));
  }

  /** The JSON of a POST of {@code body} to {@code path}, or empty when the API refused. */
  Optional<JsonObject> post(String path, JsonObject body) throws IOException, InterruptedException {
    return answer(
        send(
            request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build()));
  }

  /** The JSON of a DELETE of {@code path}, or empty when the API refused. */
  Optional<JsonObject> delete(String path) throws IOException, InterruptedException {
    return answer(send(request(path).DELETE().build()));
  }

  private Optional<JsonObject> answer(HttpResponse<String> response) {
    JsonObject body = json(response);
    if (response.statusCode() != 200) {
      String message =
          body != null && body.has("error") ? body.get("error").getAsString() : response.body();
      err.println(command + ": " + response.statusCode() + ": " + message);
      return Optional.empty();
    }
    if (body == null) {
      err.println(command + ": the collector did not answer JSON");
    }
    return Optional.ofNullable(body);
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

  private HttpRequest.Builder request(String path) throws IOException {
    URI uri;
    try {
      uri = URI.create(base + path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url: expected a URL like " + DEFAULT_URL, e);
    }
    return HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token());
  }

  private String token() throws IOException {
    String token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
    if (token.isEmpty() || token.contains("\n")) {
      throw new IOException(tokenFile + ": expected the token alone on one line");
    }
    return token;
  }
}
