package dev.vigil.collector.store;

import java.nio.charset.StandardCharsets;

/**
 * One metric name across the whole fleet: its type and help text, fixed by the first host that
 * defines it. Immutable; created on the cold path when a catalog names a metric for the first time.
 */
public final class MetricFamily {
  /** Family type, as in the Prometheus text format. */
  public enum Type {
    GAUGE("gauge"),
    COUNTER("counter");

    private final String text;

    Type(String text) {
      this.text = text;
    }

    /** The word used on a {@code # TYPE} line. */
    public String text() {
      return text;
    }
  }

  private final int id;
  private final String name;
  private final Type type;
  private final String help;
  private final byte[] headerBytes;

  MetricFamily(int id, String name, Type type, String help) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.help = help;
    this.headerBytes = header(name, type, help).getBytes(StandardCharsets.UTF_8);
  }

  private static String header(String name, Type type, String help) {
    StringBuilder out = new StringBuilder(64 + help.length());
    if (!help.isEmpty()) {
      out.append("# HELP ").append(name).append(' ');
      LabelText.appendEscapedHelp(out, help);
      out.append('\n');
    }
    return out.append("# TYPE ")
        .append(name)
        .append(' ')
        .append(type.text())
        .append('\n')
        .toString();
  }

  /** Dense fleet-wide id, the index into {@link HostState#slotsOf(int)}. */
  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public String help() {
    return help;
  }

  /** The {@code # HELP} and {@code # TYPE} lines, UTF-8, ready to copy into an exposition. */
  public byte[] headerBytes() {
    return headerBytes;
  }
}
