package dev.vigil.agent.collector.procfs;

/**
 * Walks text held in a byte buffer line by line and, within a line, token by token, where tokens
 * are separated by spaces, tabs and optionally one more character. Re-pointed with {@link #wrap} at
 * every read, so one scanner serves a collector for its whole life.
 *
 * <pre>{@code
 * scanner.wrap(reader.buffer(), reader.length());
 * while (scanner.nextLine()) { if (scanner.nextToken()) { ... scanner.nextLong() ... } }
 * }</pre>
 */
public final class LineScanner {
  private byte[] buffer = new byte[0];
  private int limit;
  private int lineEnd;
  private int position;
  private int tokenStart;
  private int tokenEnd;
  private byte extraSeparator = ' ';

  /** Points the scanner at {@code buffer[0, length)}, before its first line. */
  public void wrap(byte[] buffer, int length) {
    this.buffer = buffer;
    this.limit = length;
    this.lineEnd = -1;
    this.position = 0;
  }

  /**
   * Makes {@code separator} end a token too, besides spaces and tabs: {@code ':'} after an
   * interface name in {@code /proc/net/dev}, {@code '/'} between the two counts of {@code
   * /proc/loadavg}.
   */
  public void alsoSeparateAt(char separator) {
    this.extraSeparator = (byte) separator;
  }

  /** Moves to the next line; false at the end of the text. */
  public boolean nextLine() {
    int start = lineEnd + 1;
    if (start >= limit) {
      return false;
    }
    int end = start;
    while (end < limit && buffer[end] != '\n') {
      end++;
    }
    lineEnd = end;
    position = start;
    return true;
  }

  /** Moves to the next token of the current line; false when the line has no more. */
  public boolean nextToken() {
    while (position < lineEnd && isSeparator(buffer[position])) {
      position++;
    }
    if (position == lineEnd) {
      return false;
    }
    tokenStart = position;
    while (position < lineEnd && !isSeparator(buffer[position])) {
      position++;
    }
    tokenEnd = position;
    return true;
  }

  /**
   * The next token as an unsigned decimal, or -1 when the line has no more tokens or the token is
   * not a number (kernel counters are unsigned, so -1 never collides with a reading).
   */
  public long nextLong() {
    if (!nextToken()) {
      return -1;
    }
    long value = 0;
    for (int i = tokenStart; i < tokenEnd; i++) {
      int digit = buffer[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * Reads the next {@code count} tokens as numbers into {@code into}; false when the line runs out
   * first or one of them is not a number (the line is then malformed).
   */
  public boolean nextLongs(long[] into, int count) {
    for (int i = 0; i < count; i++) {
      into[i] = nextLong();
      if (into[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current token spells {@code ascii}, compared in place. */
  public boolean tokenIs(String ascii) {
    if (tokenEnd - tokenStart != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (buffer[tokenStart + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The current token as a String, the same instance each time {@code names} sees it. */
  public String token(NameTable names) {
    return names.name(buffer, tokenStart, tokenEnd);
  }

  private boolean isSeparator(byte b) {
    return b == ' ' || b == '\t' || b == extraSeparator;
  }
}
