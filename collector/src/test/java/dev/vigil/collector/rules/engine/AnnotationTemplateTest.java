package dev.vigil.collector.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template forms rule files use are rendered; every other action is left as written. */
class AnnotationTemplateTest {
  private static final Map<String, String> LABELS =
      Map.of("instance", "ws-042", "mountpoint", "/home", "cpu", "3");

  private static String render(String text, double value) {
    return AnnotationTemplate.render(text, LABELS, value);
  }

  @Test
  void shouldRenderLabelsAndValue() {
    assertEquals(
        "Filesystem /home on ws-042: 0.07 free",
        render(
            "Filesystem {{ $labels.mountpoint }} on {{$labels.instance}}: {{ $value }} free",
            0.07));
  }

  @Test
  void shouldPipeTheValueThroughTheHumanizeFunctions() {
    assertEquals("7.34% free", render("{{ $value | humanizePercentage }} free", 0.0734));
    assertEquals("1.5k packets", render("{{$value|humanize}} packets", 1500));
    assertEquals("up 1h 0m 0s", render("up {{ $value | humanizeDuration }}", 3600));
  }

  @Test
  void shouldRenderAnAbsentLabelAsEmptyAsPrometheusDoes() {
    assertEquals(
        "device  on ws-042", render("device {{ $labels.device }} on {{ $labels.instance }}", 1));
  }

  @Test
  void shouldLeaveUnsupportedActionsAsWritten() {
    String text =
        "{{ $value | printf \"%.2f\" }} {{ .Labels.instance }} {{ $labels.instance | humanize }}"
            + " {{ $value | humanize | humanize }} {{ $externalLabels.site }}";

    assertEquals(text, render(text, 0.5));
  }

  @Test
  void shouldHumanizeANumericLabel() {
    assertEquals("cpu 3", render("cpu {{ $labels.cpu | humanize }}", 0));
  }

  @Test
  void shouldLeaveTextWithoutActionsAlone() {
    assertEquals("https://kb.example.org/a$b\\c", render("https://kb.example.org/a$b\\c", 0));
  }
}
