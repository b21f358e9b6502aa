package dev.vigil.collector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.rules.promql.ExprPrinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleFileParserTest {
  private static final Path FILE = Path.of("rules.yml");

  @Test
  void shouldReadEveryPrometheusField() throws Exception {
    List<RuleGroup> groups =
        parse(
            """
            groups:
              - name: disks
                interval: 1m
                rules:
                  - alert: FilesystemNearlyFull
                    expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1
                    for: 15m
                    keep_firing_for: 1h30m
                    labels:
                      severity: warning
                    annotations:
                      summary: "{{ $labels.mountpoint }} is nearly full"
                      vigil_keep_firing_while: >-
                        node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.15
              - name: empty
            """);

    assertEquals(2, groups.size());
    RuleGroup disks = groups.get(0);
    assertEquals("disks", disks.name());
    assertEquals(Optional.of(Duration.ofMinutes(1)), disks.interval());
    assertEquals(FILE, disks.file());
    Rule rule = disks.rules().get(0);
    assertEquals("FilesystemNearlyFull", rule.name());
    assertEquals(
        "((node_filesystem_avail_bytes / node_filesystem_size_bytes) < 0.1)",
        ExprPrinter.print(rule.expr()));
    assertEquals("node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1", rule.exprText());
    assertEquals(Duration.ofMinutes(15), rule.pendingFor());
    assertEquals(Duration.ofMinutes(90), rule.keepFiringFor());
    assertEquals(Map.of("severity", "warning"), rule.labels());
    assertEquals(Map.of("summary", "{{ $labels.mountpoint }} is nearly full"), rule.annotations());
    assertEquals(
        "((node_filesystem_avail_bytes / node_filesystem_size_bytes) < 0.15)",
        ExprPrinter.print(rule.keepFiringWhile().orElseThrow()));
    assertEquals("rules.yml:5:9", rule.origin());
    assertEquals(List.of(), groups.get(1).rules());
    assertEquals(Optional.empty(), groups.get(1).interval());
  }

  @Test
  void shouldDefaultWhatPrometheusDefaults() throws Exception {
    Rule rule =
        parse("groups: [{name: g, rules: [{alert: A, expr: x > 1}]}]").get(0).rules().get(0);

    assertEquals(Duration.ZERO, rule.pendingFor());
    assertEquals(Duration.ZERO, rule.keepFiringFor());
    assertEquals(Optional.empty(), rule.keepFiringWhile());
    assertEquals(Map.of(), rule.labels());
    assertEquals(List.of(), parse("").stream().toList());
    assertEquals(List.of(), parse("groups:\n"));
  }

  @Test
  void shouldPlaceAnExpressionErrorInThePlainScalar() {
    assertError(
        "rules.yml:5:17: expr: the offset modifier is not supported",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: x offset 5m > 1
        """);
  }

  @Test
  void shouldPlaceAnExpressionErrorInAPlainScalarOverSeveralLines() {
    assertError(
        "rules.yml:6:11: expr: set operator or is not supported",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: x > 1
                  or y > 2
        """);
  }

  @Test
  void shouldPlaceAnExpressionErrorInALiteralBlock() {
    assertError(
        "rules.yml:8:19: expr: function abs is not supported: use rate, increase or time",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: |  # the header's comment is no part of the value
                  # a PromQL comment
                  sum by (instance) (x)
                    > 1 + abs(y)
        """);
  }

  @Test
  void shouldPlaceAnExpressionErrorInAFoldedBlock() {
    assertError(
        "rules.yml:7:15: expr: the bool modifier is not supported",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: >-
                  x
                    > bool 1
        """);
  }

  @Test
  void shouldPlaceAnExpressionErrorInQuotedScalarsDespiteEscapes() {
    assertError(
        "rules.yml:5:31: expr: invalid regular expression: Unclosed group",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: "x{a=\\"\\t\\", b=~'('} > 1"
        """);
    assertError(
        "rules.yml:5:27: expr: the @ modifier is not supported",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: 'x{a=''b''} @ 5 > 1'
        """);
  }

  @Test
  void shouldPlaceAnErrorAtTheEndOfTheExpression() {
    assertError(
        "rules.yml:5:18: expr: unexpected end of expression, expected a number, a metric name,"
            + " a function or \"(\"",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: x >
        """);
  }

  @Test
  void shouldPlaceErrorsInVigilsAnnotation() {
    assertError(
        "rules.yml:8:44: vigil_keep_firing_while: unexpected character \"$\"",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: x > 1
                annotations:
                  summary: x is high
                  vigil_keep_firing_while: x > time$
        """);
    assertError(
        "rules.yml:7:11: unknown Vigil annotation \"vigil_clear\"; Vigil knows"
            + " vigil_keep_firing_while",
        """
        groups:
          - name: g
            rules:
              - alert: A
                expr: x > 1
                annotations:
                  vigil_clear: x < 1
        """);
  }

  @Test
  void shouldNameFileLineAndColumnOfFormatErrors() {
    assertError(
        "rules.yml:4:9: unknown key \"expression\" in a rule (known: alert, expr, for,"
            + " keep_firing_for, labels, annotations); Vigil's extensions go in annotations, e.g."
            + " vigil_keep_firing_while",
        "groups:\n  - name: g\n    rules:\n      - expression: x > 1\n");
    assertError(
        "rules.yml:4:9: recording rules are not supported: Vigil evaluates alerting rules"
            + " (alert:) only",
        "groups:\n  - name: g\n    rules:\n      - record: job:x\n        expr: x\n");
    assertError(
        "rules.yml:3:5: a group's limit is not supported by Vigil",
        "groups:\n  - name: g\n    limit: 10\n");
    assertError(
        "rules.yml:1:1: unknown key \"group\" in the file (known: groups)",
        "group:\n  - name: g\n");
    assertError(
        "rules.yml:3:5: key \"name\" is given twice (first at rules.yml:2:5)",
        "groups:\n  - name: g\n    name: h\n");
    assertError(
        "rules.yml:3:5: group name \"g\" is used twice (first at rules.yml:2:5)",
        "groups:\n  - name: g\n  - name: g\n");
    assertError("rules.yml:2:5: a group has no name", "groups:\n  - rules: []\n");
    assertError(
        "rules.yml:4:9: rule \"A\" needs an expr",
        "groups:\n  - name: g\n    rules:\n      - alert: A\n");
    assertError(
        "rules.yml:4:9: a rule has no alert",
        "groups:\n  - name: g\n    rules:\n      - expr: x > 1\n");
    assertError(
        "rules.yml:4:34: for: expected a duration like 30s, 5m, 1h30m or 7d, got \"5 minutes\"",
        "groups:\n  - name: g\n    rules:\n      - {alert: A, expr: x, for: 5 minutes}\n");
    assertError(
        "rules.yml:3:15: interval: expected a duration like 30s, 5m, 1h30m or 7d, got \"1.5m\"",
        "groups:\n  - name: g\n    interval: 1.5m\n");
  }

  @Test
  void shouldCheckLabelsAndAnnotations() {
    assertError(
        "rules.yml:2:52: invalid label name \"team-name\": letters, digits and _, not starting"
            + " with a digit",
        "groups:\n  - {name: g, rules: [{alert: A, expr: x, labels: {team-name: a}}]}\n");
    assertError(
        "rules.yml:2:57: annotation \"summary\" needs a value",
        "groups:\n  - {name: g, rules: [{alert: A, expr: x, annotations: {summary: }}]}\n");
    assertError(
        "rules.yml:2:62: label \"severity\" must be a single value, not a list",
        "groups:\n  - {name: g, rules: [{alert: A, expr: x, labels: {severity: [a]}}]}\n");
    assertError(
        "rules.yml:2:40: expr must return series, e.g. node_load1 > 4; \"7 * 86400\" is a number",
        "groups:\n  - {name: g, rules: [{alert: A, expr: 7 * 86400}]}\n");
  }

  @Test
  void shouldNameFileLineAndColumnOfYamlErrors() {
    RuleFileException e =
        assertThrows(
            RuleFileException.class,
            () -> RuleFileParser.parse(FILE, "groups:\n  - name: g\n   rules: [\n"));
    assertTrue(e.getMessage().startsWith("rules.yml:3:"), e.getMessage());
  }

  private static List<RuleGroup> parse(String text) throws RuleFileException {
    return RuleFileParser.parse(FILE, text);
  }

  private static void assertError(String message, String text) {
    RuleFileException e = assertThrows(RuleFileException.class, () -> parse(text));
    assertEquals(message, e.getMessage());
  }
}
