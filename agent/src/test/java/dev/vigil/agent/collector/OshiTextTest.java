package dev.vigil.agent.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OshiTextTest {

  @Test
  void shouldTurnWhatOshiCouldNotReadIntoAnEmptyLabel() {
    assertEquals("", OshiText.known("unknown"));
    assertEquals("", OshiText.known("Unknown "));
    assertEquals("", OshiText.known(null));
    assertEquals("", OshiText.known("  "));
  }

  @Test
  void shouldKeepReadableValuesStripped() {
    assertEquals("WD Blue", OshiText.known(" WD Blue "));
  }
}
