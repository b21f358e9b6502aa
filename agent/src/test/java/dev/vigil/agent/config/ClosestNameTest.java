package dev.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
  private static final List<String> NAMES = List.of("interval", "host-name", "label", "tls");

  @Test
  void shouldCountEditsBetweenTwoNames() {
    assertEquals(0, ClosestName.distance("label", "label"));
    assertEquals(1, ClosestName.distance("labels", "label"));
    assertEquals(2, ClosestName.distance("tsl", "tls"));
    assertEquals(3, ClosestName.distance("", "tls"));
  }

  @Test
  void shouldSuggestOnlyANameThatIsClose() {
    assertEquals(Optional.of("host-name"), ClosestName.to("hostname", NAMES));
    assertEquals(Optional.of("interval"), ClosestName.to("intrval", NAMES));
    assertEquals(Optional.empty(), ClosestName.to("collector", NAMES));
  }
}
