package dev.vigil.collector.notify.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationPolicyParserTest {
  private static final Set<String> RECEIVERS =
      Set.of("alertmanager", "first-line", "second-line", "third-line");

  private static EscalationPolicies parse(String text) {
    return EscalationPolicyParser.parse("escalation.yaml", text, RECEIVERS);
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
  }

  @Test
  void shouldReadPoliciesWithTheirStepsInOrder() {
    EscalationPolicies policies =
        parse(
            """
            policies:
              default:
                - after: 0s
                  receivers: [alertmanager, first-line]
                - after: 15m
                  receivers: [second-line]
                - after: 1h30m
                  receivers:
                    - third-line
              servers:
                - after: 0s
                  receivers: [second-line]
            """);

    assertEquals(
        new EscalationPolicy(
            "default",
            List.of(
                new EscalationStep(Duration.ZERO, List.of("alertmanager", "first-line")),
                new EscalationStep(Duration.ofMinutes(15), List.of("second-line")),
                new EscalationStep(Duration.ofMinutes(90), List.of("third-line")))),
        policies.forLabels(Map.of()));
    assertEquals("servers", policies.forLabels(Map.of("escalation", "servers")).name());
    assertEquals("default", policies.forLabels(Map.of("escalation", "nosuch")).name());
  }

  @Test
  void shouldNameLineAndColumnOfABadDuration() {
    assertEquals(
        "escalation.yaml:5:14: 'after' must be a duration like 0s, 15m or 1h30m, got \"fifteen\"",
        error(
            """
            policies:
              default:
                - after: 0s
                  receivers: [first-line]
                - after: fifteen
                  receivers: [second-line]
            """));
  }

  @Test
  void shouldNameAnUnknownReceiverAndTheConfiguredOnes() {
    assertEquals(
        "escalation.yaml:4:31: unknown receiver \"secnd-line\"; configured: alertmanager,"
            + " first-line, second-line, third-line",
        error(
            """
            policies:
              default:
                - after: 0s
                  receivers: [first-line, secnd-line]
            """));
  }

  @Test
  void shouldRefuseStepsThatDoNotRise() {
    assertEquals(
        "escalation.yaml:5:7: policy \"default\": each step's 'after' must be later than the one"
            + " before (PT15M)",
        error(
            """
            policies:
              default:
                - after: 15m
                  receivers: [first-line]
                - after: 10m
                  receivers: [second-line]
            """));
  }

  @Test
  void shouldRefuseAnUnknownKeyAStepWithoutReceiversAndAMissingDefault() {
    assertEquals(
        "escalation.yaml:4:7: unknown key \"receiver\"; expected after, receivers",
        error(
            """
            policies:
              default:
                - after: 0s
                  receiver: [first-line]
            """));
    assertEquals(
        "escalation.yaml:3:7: a step of policy \"default\" needs 'receivers'",
        error(
            """
            policies:
              default:
                - after: 0s
            """));
    assertEquals(
        "escalation.yaml:2:3: there must be a policy named \"default\"",
        error(
            """
            policies:
              servers:
                - after: 0s
                  receivers: [first-line]
            """));
  }

  @Test
  void shouldPointAtBrokenYaml() {
    assertEquals(
        "escalation.yaml:3:5: expected the node content, but found '-'",
        error(
                """
            policies:
              default: [
                - after: 0s
            """)
            .replaceAll("\\s+$", ""));
  }
}
