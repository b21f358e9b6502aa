package dev.vigil.agent.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NameTableTest {
  private final NameTable names = new NameTable();

  private String name(String text) {
    byte[] bytes = ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
    return names.name(bytes, 1, bytes.length - 1);
  }

  @Test
  void shouldDecodeUtf8AndReturnTheKnownInstance() {
    String first = name("wlp0s20f3");

    assertEquals("wlp0s20f3", first);
    assertSame(first, name("wlp0s20f3"));
    assertEquals("wlän0", name("wlän0"));
  }

  @Test
  void shouldStartAfreshWhenTooManyNamesPassThrough() {
    String eth0 = name("eth0");
    for (int i = 0; i < NameTable.MAX_NAMES; i++) {
      name("veth" + i);
    }

    assertNotSame(eth0, name("eth0"));
  }
}
