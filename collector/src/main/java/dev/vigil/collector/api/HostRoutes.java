package dev.vigil.collector.api;

import com.google.gson.JsonObject;
import dev.vigil.collector.fleet.HostForgetter;
import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The host routes, once the caller is known:
 *
 * <pre>
 * GET /api/v1/hosts?state=&amp;label=name:value&amp;after=&amp;limit=   by name
 * GET    /api/v1/hosts/{name}
 * DELETE /api/v1/hosts/{name}   forgets a decommissioned host (409 while it is connected)
 * </pre>
 *
 * Each host comes with its liveness, identity, patch summary and its count of unresolved incidents,
 * read from the incident store once per request.
 */
final class HostRoutes {
  static final String HOSTS = "/api/v1/hosts";

  private final SeriesStore hosts;
  private final IncidentStore incidents;
  private final HostForgetter forgetter;
  private final Duration staleAfter;

  /**
   * @param staleAfter how much older than a host's newest value a patch value may be and still
   *     count as current
   */
  HostRoutes(
      SeriesStore hosts, IncidentStore incidents, HostForgetter forgetter, Duration staleAfter) {
    this.hosts = hosts;
    this.incidents = incidents;
    this.forgetter = forgetter;
    this.staleAfter = staleAfter;
  }

  /** Whether {@code path} is one of these routes. */
  static boolean serves(String path) {
    return path.equals(HOSTS) || path.startsWith(HOSTS + "/");
  }

  /**
   * @param actor the caller's token name, written to the timeline of incidents a forget resolves
   */
  JsonObject answer(HttpMethod method, QueryStringDecoder uri, String actor) throws ApiException {
    String path = uri.path();
    if (path.equals(HOSTS)) {
      ApiRequests.requireMethod(method, HttpMethod.GET);
      return list(filter(uri.parameters()));
    }
    String name = path.substring(HOSTS.length() + 1);
    HostState host = name.isEmpty() ? null : hosts.find(name);
    if (host == null) {
      throw new ApiException(HttpResponseStatus.NOT_FOUND, "no host " + name);
    }
    if (HttpMethod.DELETE.equals(method)) {
      return forget(name, actor);
    }
    ApiRequests.requireMethod(method, HttpMethod.GET);
    return json(host, unresolvedByHost());
  }

  private JsonObject forget(String name, String actor) throws ApiException {
    try {
      return HostJson.forgotten(name, ApiRequests.await(forgetter.forget(name, actor)));
    } catch (IllegalStateException e) {
      throw new ApiException(
          HttpResponseStatus.CONFLICT,
          "host " + name + " is connected; stop its agent (or wait until it is lost) first");
    } catch (ExecutionException e) {
      throw new IllegalStateException("forgetting host " + name + " failed", e.getCause());
    }
  }

  private JsonObject list(HostFilter filter) {
    Map<String, Long> unresolved = unresolvedByHost();
    List<JsonObject> page = new ArrayList<>();
    String last = null;
    for (HostState host : hosts.hosts()) {
      if (!filter.matches(host)) {
        continue;
      }
      if (page.size() == filter.limit()) {
        // Another host matches: the page is full and there is a next one.
        return HostJson.list(page, last);
      }
      page.add(json(host, unresolved));
      last = host.name();
    }
    return HostJson.list(page, null);
  }

  private JsonObject json(HostState host, Map<String, Long> unresolved) {
    return HostJson.host(
        host, PatchSummary.read(hosts, host, staleAfter), unresolved.getOrDefault(host.name(), 0L));
  }

  private Map<String, Long> unresolvedByHost() {
    Map<String, Long> counts = new HashMap<>();
    for (Incident incident : incidents.unresolved()) {
      counts.merge(incident.key().host(), 1L, Long::sum);
    }
    return counts;
  }

  private static HostFilter filter(Map<String, List<String>> query) throws ApiException {
    try {
      return HostFilter.parse(query);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpResponseStatus.BAD_REQUEST,
          "bad query: "
              + e.getMessage()
              + " (state is up, elsewhere, shut_down or lost; label name:value, repeatable; after a host"
              + " name; limit 1 to "
              + HostFilter.MAX_LIMIT
              + ")");
    }
  }
}
