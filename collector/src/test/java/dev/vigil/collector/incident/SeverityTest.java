package dev.vigil.collector.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeverityTest {
  @Test
  void shouldReadARulesSeverityLabelInAnyCase() {
    assertEquals(Severity.CRITICAL, Severity.parse("critical"));
    assertEquals(Severity.WARNING, Severity.parse("Warning"));
    assertEquals(Severity.INFO, Severity.parse("INFO"));
    assertEquals("warning", Severity.WARNING.label());
  }

  @Test
  void shouldNameTheAcceptedSeveritiesWhenRefusingOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Severity.parse("page"));

    assertEquals("severity must be critical, warning or info, got \"page\"", e.getMessage());
  }
}
