package dev.vigil.collector.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.vigil.collector.fleet.HostForgetter;
import dev.vigil.collector.incident.store.IncidentStore;
import dev.vigil.collector.store.SeriesStore;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request under {@code /api/}: checks the bearer token and its role, hands the request to
 * {@link HostRoutes} or {@link IncidentRoutes} and answers JSON, errors included ({@code {"error":
 * "..."}}). Reads need a read or write token, changes a write token. Without a tokens file the API
 * is off and says so with 404: it is never served unauthenticated.
 *
 * <p>It waits on the incident database, so it must run on an executor of its own, never on an event
 * loop.
 */
@Sharable
public final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String PREFIX = "/api/";
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();
  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final IncidentRoutes incidents;
  private final HostRoutes hosts;

  /**
   * @param tokens the accepted tokens, or null to keep the API off
   * @param store the incidents the API reads and changes
   * @param fleet the hosts the API reports
   * @param forgetter how the API forgets a decommissioned host
   * @param staleAfter how much older than a host's newest value a patch value may be and still
   *     count as current (the collector's {@code --stale-after})
   */
  public ApiHandler(
      ApiTokens tokens,
      IncidentStore store,
      SeriesStore fleet,
      HostForgetter forgetter,
      Duration staleAfter) {
    this.tokens = tokens;
    this.incidents = new IncidentRoutes(store);
    this.hosts = new HostRoutes(fleet, store, forgetter, staleAfter);
  }

  @Override
  public boolean acceptInboundMessage(Object msg) {
    return msg instanceof FullHttpRequest request
        && !request.decoderResult().isFailure()
        && new QueryStringDecoder(request.uri()).rawPath().startsWith(PREFIX);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    FullHttpResponse response;
    try {
      response = json(ctx, HttpResponseStatus.OK, answer(request));
    } catch (ApiException e) {
      response = error(ctx, e.status(), e.getMessage());
      if (e.status() == HttpResponseStatus.UNAUTHORIZED) {
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
      }
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", request.method(), request.uri(), e);
      response =
          error(
              ctx,
              HttpResponseStatus.INTERNAL_SERVER_ERROR,
              "internal error; the collector's log has the details");
    }
    ctx.writeAndFlush(response);
  }

  private JsonObject answer(FullHttpRequest request) throws ApiException {
    if (tokens == null) {
      throw new ApiException(
          HttpResponseStatus.NOT_FOUND,
          "the API is off: start the collector with --api-tokens-file to serve it");
    }
    ApiCaller caller = caller(request);
    ApiRole needed = HttpMethod.GET.equals(request.method()) ? ApiRole.READ : ApiRole.WRITE;
    if (!caller.role().allows(needed)) {
      throw new ApiException(
          HttpResponseStatus.FORBIDDEN,
          "the token "
              + caller.name()
              + " may only read; "
              + request.method()
              + " needs a write token");
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    if (HostRoutes.serves(uri.path())) {
      return hosts.answer(request.method(), uri, caller.name());
    }
    return incidents.answer(
        request.method(), uri, request.content().toString(StandardCharsets.UTF_8), caller.name());
  }

  private ApiCaller caller(FullHttpRequest request) throws ApiException {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiException(
          HttpResponseStatus.UNAUTHORIZED, "send a token as Authorization: Bearer <token>");
    }
    Optional<ApiCaller> caller = tokens.caller(header.substring(BEARER.length()).strip());
    return caller.orElseThrow(
        () -> new ApiException(HttpResponseStatus.UNAUTHORIZED, "the token is not known"));
  }

  private static FullHttpResponse error(
      ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
    JsonObject body = new JsonObject();
    body.addProperty("error", message);
    return json(ctx, status, body);
  }

  private static FullHttpResponse json(
      ChannelHandlerContext ctx, HttpResponseStatus status, JsonObject body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            status,
            ByteBufUtil.writeUtf8(ctx.alloc(), GSON.toJson(body) + "\n"));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    return response;
  }
}
