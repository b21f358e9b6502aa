package dev.vigil.collector.rules.promql;

import java.util.List;

/**
 * Splits an expression into {@link Token}s as PromQL does: identifiers may hold {@code :}
 * (recording rule names), strings take {@code "..."}, {@code '...'} or raw {@code `...`}, {@code #}
 * starts a comment to the end of the line, and inside {@code [...]} a word such as {@code 1h30m} is
 * a duration.
 */
final class Lexer {
  /** Longest symbols first, so {@code >=} wins over {@code >}. */
  private static final List<String> SYMBOLS =
      List.of(
          "==", "!=", ">=", "<=", "=~", "!~", "(", ")", "{", "}", "[", "]", ",", "=", "+", "-", "*",
          "/", "%", "^", ">", "<", ":", "@");

  private final String text;
  private int pos;
  private boolean inBrackets;

  Lexer(String text) {
    this.text = text;
  }

  Token next() throws ExprException {
    skipSpaceAndComments();
    if (pos >= text.length()) {
      return new Token(Token.Kind.END, "", pos);
    }
    char c = text.charAt(pos);
    if (inBrackets && isDigit(c)) {
      return word(Token.Kind.DURATION);
    }
    if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
      return number();
    }
    if (isIdentifierStart(c)) {
      return word(Token.Kind.IDENTIFIER);
    }
    if (c == '"' || c == '\'' || c == '`') {
      return string(c);
    }
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, pos)) {
        Token token = new Token(Token.Kind.SYMBOL, symbol, pos);
        pos += symbol.length();
        inBrackets = symbol.equals("[") || (inBrackets && !symbol.equals("]"));
        return token;
      }
    }
    throw new ExprException(pos, "unexpected character \"" + c + "\"");
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else {
        return;
      }
    }
  }

  private Token word(Token.Kind kind) {
    int start = pos;
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return new Token(kind, text.substring(start, pos), start);
  }

  /**
   * Decimal and hexadecimal numbers with an optional exponent; {@code Inf} and {@code NaN} are
   * words.
   */
  private Token number() {
    int start = pos;
    if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
      pos += 2;
      while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
        pos++;
      }
      return new Token(Token.Kind.NUMBER, text.substring(start, pos), start);
    }
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < text.length() && isDigit(text.charAt(pos))) {
        digits();
      } else {
        pos = mark;
      }
    }
    // "5m" outside brackets: the letters belong to the number and make it invalid.
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return new Token(Token.Kind.NUMBER, text.substring(start, pos), start);
  }

  private void digits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  private Token string(char quote) throws ExprException {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return new Token(Token.Kind.STRING, value.toString(), start);
      }
      if (c == '\\' && quote != '`') {
        value.append(escape());
      } else if (c == '\n' && quote != '`') {
        break;
      } else {
        value.append(c);
        pos++;
      }
    }
    throw new ExprException(start, "string is not closed: missing " + quote);
  }

  /** Go's escapes, as PromQL strings use them. */
  private char escape() throws ExprException {
    int start = pos;
    pos += 2;
    if (start + 1 >= text.length()) {
      throw new ExprException(start, "string ends in the middle of an escape");
    }
    char c = text.charAt(start + 1);
    return switch (c) {
      case 'a' -> '\u0007';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> '\u000b';
      case '\\', '"', '\'' -> c;
      case 'x' -> hex(start, 2);
      case 'u' -> hex(start, 4);
      default -> throw new ExprException(start, "unknown escape \\" + c + " in a string");
    };
  }

  private char hex(int start, int digits) throws ExprException {
    if (pos + digits > text.length()) {
      throw new ExprException(start, "escape needs " + digits + " hexadecimal digits");
    }
    String hex = text.substring(pos, pos + digits);
    pos += digits;
    try {
      return (char) Integer.parseInt(hex, 16);
    } catch (NumberFormatException e) {
      throw new ExprException(start, "escape needs " + digits + " hexadecimal digits, got " + hex);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}
