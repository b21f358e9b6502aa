package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTokensTest {
  private static final String FILE = "/etc/vigil/agent-tokens";

  @Test
  void shouldAcceptExactlyTheListedTokens() {
    AgentTokens tokens =
        AgentTokens.parse(
            FILE,
            List.of(
                "# laptops",
                "",
                "  laptops-0123456789abcdef  # rolled out 2026-11",
                "servers-0123456789abcdef"));

    assertEquals(2, tokens.size());
    assertTrue(tokens.accepts("laptops-0123456789abcdef"));
    assertTrue(tokens.accepts("servers-0123456789abcdef"));
    assertFalse(tokens.accepts("laptops-0123456789abcde"));
    assertFalse(tokens.accepts("Laptops-0123456789abcdef"));
    assertFalse(tokens.accepts(""));
  }

  @Test
  void shouldNameTheLineOfAMalformedToken() {
    assertError(FILE + ":2: a token is 16 to 4096", "# ok", "too-short");
    assertError(FILE + ":1: a token is 16 to 4096", "two-tokens-0123456789 on-one-line-0123456789");
    assertError(FILE + ":1: a token is 16 to 4096", "ünïcödé-0123456789abcdef");
  }

  @Test
  void shouldRefuseAFileWithoutTokens() {
    assertError(FILE + ": holds no token (one per line, # starts a comment)", "# none yet", "");
  }

  private static void assertError(String expectedStart, String... lines) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AgentTokens.parse(FILE, List.of(lines)));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }
}
