package dev.vigil.collector.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.vigil.collector.incident.IllegalTransitionException;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.IncidentState;
import dev.vigil.collector.incident.Severity;
import dev.vigil.collector.incident.store.IncidentFilter;
import dev.vigil.collector.incident.store.IncidentStore;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The incident routes, once the caller is known:
 *
 * <pre>
 * GET  /api/v1/incidents?state=&amp;host=&amp;severity=&amp;limit=   newest first
 * GET  /api/v1/incidents/{id}                              with its timeline
 * POST /api/v1/incidents/{id}/ack|resolve|comment          body {"comment": "..."}
 * </pre>
 */
final class IncidentRoutes {
  static final String INCIDENTS = "/api/v1/incidents";
  static final int DEFAULT_LIMIT = 100;

  private final IncidentStore store;

  IncidentRoutes(IncidentStore store) {
    this.store = store;
  }

  JsonObject answer(HttpMethod method, QueryStringDecoder uri, String body, String actor)
      throws ApiException {
    String path = uri.path();
    if (path.equals(INCIDENTS)) {
      ApiRequests.requireMethod(method, HttpMethod.GET);
      return IncidentJson.list(store.list(filter(uri.parameters())));
    }
    if (!path.startsWith(INCIDENTS + "/")) {
      throw new ApiException(HttpResponseStatus.NOT_FOUND, "no API route " + path);
    }
    String[] parts = path.substring(INCIDENTS.length() + 1).split("/", -1);
    long id = id(parts[0]);
    if (parts.length == 1) {
      ApiRequests.requireMethod(method, HttpMethod.GET);
      Incident incident = store.incident(id).orElseThrow(() -> unknown(id));
      return IncidentJson.withTimeline(incident, store.timeline(id));
    }
    if (parts.length == 2) {
      ApiRequests.requireMethod(method, HttpMethod.POST);
      return IncidentJson.incident(change(parts[1], id, comment(body, parts[1]), actor));
    }
    throw new ApiException(HttpResponseStatus.NOT_FOUND, "no API route " + path);
  }

  private Incident change(String verb, long id, String comment, String actor) throws ApiException {
    CompletableFuture<Incident> changed =
        switch (verb) {
          case "ack" -> store.acknowledge(id, actor, comment);
          case "resolve" -> store.resolve(id, actor, comment);
          case "comment" -> store.comment(id, actor, comment);
          default ->
              throw new ApiException(
                  HttpResponseStatus.NOT_FOUND,
                  "no action " + verb + " on an incident; use ack, resolve or comment");
        };
    try {
      return ApiRequests.await(changed);
    } catch (ExecutionException e) {
      throw refused(e.getCause(), id);
    }
  }

  private static ApiException refused(Throwable cause, long id) {
    if (cause instanceof IllegalTransitionException illegal) {
      return new ApiException(HttpResponseStatus.CONFLICT, illegal.getMessage());
    }
    if (cause instanceof NoSuchElementException) {
      return unknown(id);
    }
    if (cause instanceof IllegalArgumentException invalid) {
      return new ApiException(HttpResponseStatus.BAD_REQUEST, invalid.getMessage());
    }
    throw new IllegalStateException("changing incident " + id + " failed", cause);
  }

  /** The comment of a change's body: empty body or no comment is none, except for a comment. */
  private static String comment(String body, String verb) throws ApiException {
    if (body.isBlank()) {
      return verb.equals("comment") ? requireComment(null) : "";
    }
    JsonElement json;
    try {
      json = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw new ApiException(
          HttpResponseStatus.BAD_REQUEST, "the body is not valid JSON: " + e.getMessage());
    }
    if (!json.isJsonObject()) {
      throw new ApiException(
          HttpResponseStatus.BAD_REQUEST,
          "the body must be a JSON object like {\"comment\": \"...\"}");
    }
    JsonElement comment = json.getAsJsonObject().get("comment");
    if (comment != null && !comment.isJsonNull() && !isString(comment)) {
      throw new ApiException(HttpResponseStatus.BAD_REQUEST, "\"comment\" must be a string");
    }
    String text = comment == null || comment.isJsonNull() ? null : comment.getAsString();
    return verb.equals("comment") ? requireComment(text) : (text == null ? "" : text);
  }

  private static boolean isString(JsonElement element) {
    return element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
  }

  private static String requireComment(String text) throws ApiException {
    if (text == null || text.isBlank()) {
      throw new ApiException(
          HttpResponseStatus.BAD_REQUEST, "a comment needs a body like {\"comment\": \"...\"}");
    }
    return text;
  }

  private static IncidentFilter filter(Map<String, List<String>> query) throws ApiException {
    try {
      String state = ApiRequests.single(query, "state");
      String severity = ApiRequests.single(query, "severity");
      String limit = ApiRequests.single(query, "limit");
      return new IncidentFilter(
          state == null ? null : IncidentState.valueOf(state.toUpperCase(Locale.ROOT)),
          ApiRequests.single(query, "host"),
          severity == null ? null : Severity.parse(severity),
          limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit));
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpResponseStatus.BAD_REQUEST,
          "bad query: "
              + e.getMessage()
              + " (state is open, acknowledged or resolved; severity critical, warning or info;"
              + " limit 1 to "
              + IncidentFilter.MAX_LIMIT
              + ")");
    }
  }

  private static long id(String text) throws ApiException {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiException(
        HttpResponseStatus.BAD_REQUEST,
        "an incident id is a positive whole number, got \"" + text + "\"");
  }

  private static ApiException unknown(long id) {
    return new ApiException(HttpResponseStatus.NOT_FOUND, "no incident " + id);
  }
}
