package dev.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CollectorAddressTest {
  @Test
  void shouldTreatOnlyLoopbackLiteralsAndLocalhostAsLoopback() {
    assertTrue(new CollectorAddress("127.0.0.1", 1).isLoopback());
    assertTrue(new CollectorAddress("127.8.9.10", 1).isLoopback());
    assertTrue(new CollectorAddress("::1", 1).isLoopback());
    assertTrue(new CollectorAddress("LocalHost", 1).isLoopback());

    assertFalse(new CollectorAddress("10.0.0.1", 1).isLoopback());
    assertFalse(new CollectorAddress("fe80::1", 1).isLoopback());
    assertFalse(new CollectorAddress("0.0.0.0", 1).isLoopback());
    assertFalse(new CollectorAddress("loopback.example.org", 1).isLoopback());
    assertFalse(new CollectorAddress("127.0.0.1.example.org", 1).isLoopback());
  }

  @Test
  void shouldBracketAnIpv6AddressWhenPrinted() {
    assertEquals("[::1]:7431", new CollectorAddress("::1", 7431).toString());
    assertEquals("a.example.org:7431", new CollectorAddress("a.example.org", 7431).toString());
  }
}
