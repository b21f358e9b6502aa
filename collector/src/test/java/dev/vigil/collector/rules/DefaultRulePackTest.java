package dev.vigil.collector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.Promtool;
import dev.vigil.collector.rules.promql.Aggregation;
import dev.vigil.collector.rules.promql.Arithmetic;
import dev.vigil.collector.rules.promql.Comparison;
import dev.vigil.collector.rules.promql.Expr;
import dev.vigil.collector.rules.promql.RangeFunction;
import dev.vigil.collector.rules.promql.VectorSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped rule pack passes the real promtool, and Vigil loads the same file. */
class DefaultRulePackTest {
  private static final Path PACK = Path.of("../deploy/rules/vigil-default.yml");
  private static final Path README = Path.of("../README.md");
  private static final String RUNBOOKS = "https://runbooks.example.org/vigil/";
  private static final Pattern BACKQUOTED_NAME = Pattern.compile("`([a-zA-Z_][a-zA-Z0-9_]*)[`{]");

  @Test
  void shouldPassPromtoolCheckRules() throws Exception {
    String output = Promtool.assertRulesAccepted(PACK);

    assertTrue(output.contains("SUCCESS: 11 rules found"), output);
  }

  @Test
  void shouldLoadInVigilWithEveryRuleTheIssueAsksFor() throws Exception {
    List<Rule> rules = load().rules();

    assertEquals(
        List.of(
            "HostCpuBusy",
            "HostMemoryPressure",
            "FilesystemNearlyFull",
            "HostHighTemperature",
            "BatteryWornOut",
            "SecurityUpdatesOverdue",
            "SecurityUpdatesPending",
            "RebootRequired",
            "PatchScanFailing",
            "AgentCollectorFailing",
            "HostOffline"),
        rules.stream().map(Rule::name).toList());
    for (Rule rule : rules) {
      assertTrue(
          Set.of("critical", "warning", "info").contains(rule.labels().get("severity")),
          rule.name() + " has a severity");
      assertTrue(rule.annotations().containsKey("summary"), rule.name() + " has a summary");
      assertTrue(rule.annotations().containsKey("description"), rule.name() + " has a description");
      assertEquals(RUNBOOKS + rule.name(), rule.annotations().get("runbook_url"));
    }
  }

  @Test
  void shouldOpenHostOfflineOnlyForALostHostAfterTheGracePeriod() throws Exception {
    Rule offline =
        load().rules().stream().filter(r -> r.name().equals("HostOffline")).findFirst().get();

    // Lost, not merely down: a host that said Goodbye (shut down, asleep) has vigil_host_lost 0.
    assertEquals("vigil_host_lost == 1", offline.exprText());
    assertEquals(Duration.ofMinutes(5), offline.pendingFor());
    assertEquals("critical", offline.labels().get("severity"));
  }

  @Test
  void shouldReadOnlyMetricsTheReadmeDocuments() throws Exception {
    String readme = Files.readString(README);
    // Only the sections that describe metrics, not this pack's own description further down.
    Set<String> documented = documentedNames(readme.substring(0, readme.indexOf("\n## Rules\n")));
    Set<String> metrics = new TreeSet<>();
    for (Rule rule : load().rules()) {
      collectMetrics(rule.expr(), metrics);
      rule.keepFiringWhile().ifPresent(expr -> collectMetrics(expr, metrics));
    }

    assertEquals(14, metrics.size(), metrics.toString());
    for (String metric : metrics) {
      assertTrue(
          documented.contains(metric),
          metric + " is documented in README.md as a metric Vigil sends or exposes");
    }
  }

  /**
   * Every name in backquotes in the README, with the table's shorthand spelled out: in "{@code
   * node_memory_MemTotal_bytes}, {@code _MemAvailable_bytes}" the second stands for {@code
   * node_memory_MemAvailable_bytes}, replacing as many of the first name's last parts as it has.
   */
  private static Set<String> documentedNames(String readme) {
    Set<String> names = new TreeSet<>();
    for (String line : readme.lines().toList()) {
      String full = null;
      Matcher m = BACKQUOTED_NAME.matcher(line);
      while (m.find()) {
        String name = m.group(1);
        if (!name.startsWith("_")) {
          full = name;
          names.add(name);
        } else if (full != null) {
          int parts = name.split("_", -1).length - 1;
          String[] fullParts = full.split("_");
          if (fullParts.length > parts) {
            names.add(String.join("_", Arrays.copyOf(fullParts, fullParts.length - parts)) + name);
          }
        }
      }
    }
    return names;
  }

  private static RuleSet load() throws RuleFileException {
    try (RuleReloader reloader =
        RuleReloader.load(List.of(PACK), new SimpleMeterRegistry(), System::currentTimeMillis)) {
      return reloader.rules().current();
    }
  }

  private static void collectMetrics(Expr expr, Set<String> metrics) {
    if (expr instanceof VectorSelector selector) {
      metrics.add(selector.metric());
    } else if (expr instanceof RangeFunction range) {
      metrics.add(range.selector().metric());
    } else if (expr instanceof Aggregation aggregation) {
      collectMetrics(aggregation.operand(), metrics);
    } else if (expr instanceof Arithmetic arithmetic) {
      collectMetrics(arithmetic.left(), metrics);
      collectMetrics(arithmetic.right(), metrics);
    } else if (expr instanceof Comparison comparison) {
      collectMetrics(comparison.left(), metrics);
      collectMetrics(comparison.right(), metrics);
    }
  }
}
