package dev.vigil.collector.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The collector's own metrics, as Micrometer's Prometheus registry writes them, and the names they
 * use, so that the fleet part can leave out any agent family that would repeat one of them.
 */
final class SelfExposition {
  private final PrometheusMeterRegistry registry;

  SelfExposition(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Appends the registry's exposition, text format 0.0.4, to {@code buffer}. */
  void writeTo(ByteBuf buffer) throws IOException {
    registry.scrape(new ByteBufOutputStream(buffer), Responses.PROMETHEUS_TEXT);
  }

  /**
   * Every family and sample name in an exposition, plus the names the store exposition writes
   * itself: what an agent's family may not be called in the same response. Read from the text
   * rather than from the meters, so that it holds exactly what was written.
   */
  static Set<String> namesTakenBy(ByteBuf exposition) {
    Set<String> names = new HashSet<>(StoreExposition.OWN_NAMES);
    String text = exposition.toString(StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        names.add(firstWord(line.substring(7)));
      } else if (!line.isEmpty() && line.charAt(0) != '#') {
        names.add(firstWord(line));
      }
    }
    return names;
  }

  private static String firstWord(String text) {
    int end = 0;
    while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '{') {
      end++;
    }
    return text.substring(0, end);
  }
}
