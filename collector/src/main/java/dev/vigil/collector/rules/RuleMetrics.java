package dev.vigil.collector.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rules' own metrics, named after Prometheus' {@code prometheus_config_last_reload_*}: whether
 * the last (re)load worked, when one last worked, how many rules are in force, and how many reloads
 * failed.
 */
final class RuleMetrics {
  private final AtomicLong lastSuccessful = new AtomicLong(1);
  private final AtomicLong lastSuccessMillis = new AtomicLong();
  private final AtomicLong rulesLoaded = new AtomicLong();
  private final Counter failures;

  RuleMetrics(MeterRegistry registry) {
    Gauge.builder("vigil.rules.last.reload.successful", lastSuccessful, AtomicLong::get)
        .description("Whether the last load or reload of the rule files succeeded (1) or not (0).")
        .register(registry);
    Gauge.builder(
            "vigil.rules.last.reload.success.timestamp",
            lastSuccessMillis,
            millis -> millis.get() / 1000.0)
        .baseUnit("seconds")
        .description("When the rule files were last loaded successfully.")
        .register(registry);
    Gauge.builder("vigil.rules.loaded", rulesLoaded, AtomicLong::get)
        .description("Alerting rules in force.")
        .register(registry);
    failures =
        Counter.builder("vigil.rules.reload.failures")
            .description("Reloads refused because a rule file was invalid or unreadable.")
            .register(registry);
  }

  void succeeded(int rules, long nowMillis) {
    lastSuccessful.set(1);
    lastSuccessMillis.set(nowMillis);
    rulesLoaded.set(rules);
  }

  void failed() {
    lastSuccessful.set(0);
    failures.increment();
  }
}
