package dev.vigil.collector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleReloaderTest {
  private static final String ONE_RULE =
      "groups:\n  - name: g\n    rules:\n      - alert: Load\n        expr: node_load1 > 4\n";
  private static final String TWO_RULES =
      ONE_RULE + "      - alert: Busy\n        expr: node_load5 > 4\n";

  @TempDir Path dir;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

  @Test
  void shouldLoadEveryRuleFileOfADirectoryInNameOrder() throws Exception {
    Files.writeString(dir.resolve("b.yml"), TWO_RULES.replace("name: g", "name: second"));
    Files.writeString(dir.resolve("a.yaml"), ONE_RULE.replace("name: g", "name: first"));
    Files.writeString(dir.resolve(".a.yml.swp"), "not yaml: [");
    Files.writeString(dir.resolve("notes.txt"), "not a rule file");

    try (RuleReloader reloader = load(dir)) {
      RuleSet rules = reloader.rules().current();

      assertEquals(
          List.of("first", "second"), rules.groups().stream().map(RuleGroup::name).toList());
      assertEquals(
          List.of("Load", "Load", "Busy"), rules.rules().stream().map(Rule::name).toList());
      assertEquals(dir.resolve("a.yaml"), rules.groups().get(0).file());
    }
  }

  @Test
  void shouldRefuseToStartOnAnInvalidFile() throws Exception {
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, ONE_RULE.replace("node_load1 > 4", "node_load1 > 4 or 1"));

    RuleFileException e = assertThrows(RuleFileException.class, () -> load(file));

    assertEquals(file + ":5:30: expr: set operator or is not supported", e.getMessage());
  }

  @Test
  void shouldRefuseAPathThatDoesNotExist() {
    Path missing = dir.resolve("missing.yml");

    RuleFileException e = assertThrows(RuleFileException.class, () -> load(missing));

    assertEquals(missing + ": no such rule file or directory", e.getMessage());
  }

  @Test
  void shouldKeepTheRulesInForceWhenAReloadIsInvalid() throws Exception {
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, ONE_RULE);
    try (RuleReloader reloader = load(file)) {
      RuleSet before = reloader.rules().current();
      assertMetrics(1, clock.get() / 1000.0, 1, 0);
      clock.addAndGet(60_000);

      Files.writeString(file, TWO_RULES + "        for: soon\n");
      assertFalse(reloader.reload());

      assertSame(before, reloader.rules().current());
      assertMetrics(0, (clock.get() - 60_000) / 1000.0, 1, 1);

      Files.writeString(file, TWO_RULES);
      assertTrue(reloader.reload());

      assertEquals(2, reloader.rules().current().rules().size());
      assertMetrics(1, clock.get() / 1000.0, 2, 1);
    }
  }

  @Test
  void shouldReloadWhenTheFilesChangeAndTryABadChangeOnlyOnce() throws Exception {
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, ONE_RULE);
    try (RuleReloader reloader = load(dir)) {
      assertFalse(reloader.reloadIfChanged(), "nothing changed");

      Files.writeString(dir.resolve("more.yml"), TWO_RULES.replace("name: g", "name: more"));
      assertTrue(reloader.reloadIfChanged(), "a file was added to the directory");
      assertEquals(3, reloader.rules().current().rules().size());

      Files.writeString(file, "groups: [");
      assertFalse(reloader.reloadIfChanged(), "invalid");
      assertMetrics(0, clock.get() / 1000.0, 3, 1);
      assertFalse(reloader.reloadIfChanged(), "the same invalid text is not tried again");
      assertMetrics(0, clock.get() / 1000.0, 3, 1);

      Files.delete(dir.resolve("more.yml"));
      Files.writeString(file, TWO_RULES);
      assertTrue(reloader.reloadIfChanged(), "fixed");
      assertEquals(2, reloader.rules().current().rules().size());
      assertMetrics(1, clock.get() / 1000.0, 2, 1);
    }
  }

  @Test
  void shouldKeepTheRulesWhenAFileDisappears() throws Exception {
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, ONE_RULE);
    try (RuleReloader reloader = load(file)) {
      Files.delete(file);

      assertFalse(reloader.reloadIfChanged());
      assertFalse(reloader.reloadIfChanged(), "the same error is not counted twice");

      assertEquals(1, reloader.rules().current().rules().size());
      assertMetrics(0, clock.get() / 1000.0, 1, 1);
    }
  }

  @Test
  void shouldRunWithoutRules() throws Exception {
    try (RuleReloader reloader = RuleReloader.load(List.of(), registry, clock::get)) {
      reloader.watch();

      assertSame(
          RuleSet.EMPTY, reloader.rules().current().groups().isEmpty() ? RuleSet.EMPTY : null);
      assertMetrics(1, clock.get() / 1000.0, 0, 0);
    }
  }

  @Test
  void shouldReloadOnSighup() throws Exception {
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, ONE_RULE);
    try (RuleReloader reloader = load(file)) {
      reloader.watch();
      Files.writeString(file, TWO_RULES);

      Process kill =
          new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid()))
              .inheritIO()
              .start();
      assertEquals(0, kill.waitFor());

      for (int i = 0; i < 500 && reloader.rules().current().rules().size() != 2; i++) {
        Thread.sleep(10);
      }
      assertEquals(2, reloader.rules().current().rules().size(), "reloaded within 5 s of SIGHUP");
    }
  }

  private RuleReloader load(Path path) throws RuleFileException {
    return RuleReloader.load(List.of(path), registry, clock::get);
  }

  private void assertMetrics(int successful, double successSeconds, int rules, int failures) {
    String text = registry.scrape();
    assertLine(text, "vigil_rules_last_reload_successful " + (double) successful);
    assertLine(text, "vigil_rules_last_reload_success_timestamp_seconds " + successSeconds);
    assertLine(text, "vigil_rules_loaded " + (double) rules);
    assertLine(text, "vigil_rules_reload_failures_total " + (double) failures);
  }

  private static void assertLine(String scrape, String line) {
    assertTrue(scrape.lines().anyMatch(line::equals), "no line \"" + line + "\" in:\n" + scrape);
  }
}
