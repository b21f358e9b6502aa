package dev.vigil.collector.rules.promql;

/**
 * One token of an expression.
 *
 * @param kind what it is
 * @param text its text as written (for strings: the decoded value)
 * @param start offset of its first character in the expression
 */
record Token(Kind kind, String text, int start) {
  enum Kind {
    IDENTIFIER,
    NUMBER,
    STRING,
    DURATION,
    /** Punctuation and operators, by their text: {@code ( ) { } [ ] , = =~ != !~ + - * / ...}. */
    SYMBOL,
    END
  }

  boolean is(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** An identifier equal to {@code word}, ignoring case as PromQL's keywords do. */
  boolean isWord(String word) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
  }

  /** How an error shows the token. */
  String describe() {
    return switch (kind) {
      case END -> "end of expression";
      case STRING -> "string \"" + text + "\"";
      case NUMBER -> "number " + text;
      case DURATION -> "duration " + text;
      default -> "\"" + text + "\"";
    };
  }
}
