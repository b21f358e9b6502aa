package dev.vigil.collector.alerting;

import java.util.Map;

/**
 * The labels a host sent in its latest Hello ({@code site}, {@code role}, ...), which maintenance
 * windows and paging routes select hosts by; empty for a host that has not connected since the
 * collector started.
 */
@FunctionalInterface
public interface HostLabels {
  /** The labels of the host named {@code host}. */
  Map<String, String> of(String host);
}
