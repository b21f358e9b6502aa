package dev.vigil.collector.rules;

import java.util.Arrays;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A rule file's text, which turns places into {@code file:line:column} (from 1, as editors count),
 * including places inside a scalar's value such as an error in an expression.
 *
 * <p>YAML rewrites a scalar's text on the way to its value: quotes and escapes go, line breaks of
 * plain and folded scalars become spaces, block indentation is cut. To find character {@code i} of
 * the value in the file, {@link #locate} walks the value and the source side by side from where the
 * scalar's content starts (after the quote, or on the line after a {@code |} or {@code >} header),
 * skipping source characters that YAML removed until the next value character appears, and taking a
 * double-quoted escape such as {@code \t} as the one character it stands for. That finds the
 * character itself for every style; should the walk ever run past the scalar, the scalar's own
 * start is given instead.
 */
final class SourceText {
  private final String fileName;
  private final String text;
  private final int[] lineStarts;

  SourceText(String fileName, String text) {
    this.fileName = fileName;
    this.text = text;
    int[] starts = new int[16];
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, lines);
  }

  String fileName() {
    return fileName;
  }

  /** {@code file:line:column} of where {@code node} starts. */
  String at(Node node) {
    return node.getStartMark().map(this::at).orElse(fileName);
  }

  String at(Mark mark) {
    return fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }

  /** {@code file:line:column} of character {@code offset} of {@code scalar}'s value. */
  String locate(ScalarNode scalar, int offset) {
    if (scalar.getStartMark().isEmpty() || scalar.getEndMark().isEmpty()) {
      return fileName;
    }
    String value = scalar.getValue();
    if (value.isEmpty()) {
      return at(scalar);
    }
    // The end of the value is one column after its last character.
    int target = Math.min(offset, value.length() - 1);
    int index = sourceIndex(scalar, target);
    if (index < 0) {
      return at(scalar);
    }
    return at(index + (offset > target ? 1 : 0));
  }

  /** Where character {@code target} of the value is in the text, or -1 when the walk fails. */
  private int sourceIndex(ScalarNode scalar, int target) {
    String value = scalar.getValue();
    ScalarStyle style = scalar.getScalarStyle();
    int src = contentStart(scalar, style);
    int end = index(scalar.getEndMark().get());
    for (int i = 0; ; i++) {
      char wanted = value.charAt(i);
      while (src < end && !startsCharacter(style, src, wanted)) {
        src++;
      }
      if (src >= end) {
        return -1;
      }
      if (i == target) {
        return src;
      }
      src += style == ScalarStyle.DOUBLE_QUOTED ? escapeLength(src) : 1;
    }
  }

  private int contentStart(ScalarNode scalar, ScalarStyle style) {
    int start = index(scalar.getStartMark().get());
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      int newline = text.indexOf('\n', start);
      return newline < 0 ? text.length() : newline + 1;
    }
    boolean quoted = style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED;
    return quoted ? start + 1 : start;
  }

  /** Whether the value character {@code wanted} is written at {@code src}. */
  private boolean startsCharacter(ScalarStyle style, int src, char wanted) {
    char c = text.charAt(src);
    if (style == ScalarStyle.DOUBLE_QUOTED && c == '\\' && src + 1 < text.length()) {
      char next = text.charAt(src + 1);
      // An escaped line break continues the string and stands for nothing.
      return next != '\n' && next != '\r';
    }
    return c == wanted;
  }

  /** Source characters of the double-quoted character at {@code src}: 1, or an escape's length. */
  private int escapeLength(int src) {
    if (text.charAt(src) != '\\' || src + 1 >= text.length()) {
      return 1;
    }
    return switch (text.charAt(src + 1)) {
      case 'x' -> 4;
      case 'u' -> 6;
      case 'U' -> 10;
      default -> 2;
    };
  }

  /** The index in {@link #text} of a mark (SnakeYAML counts columns in code points). */
  private int index(Mark mark) {
    int line = Math.min(mark.getLine(), lineStarts.length - 1);
    try {
      return text.offsetByCodePoints(lineStarts[line], mark.getColumn());
    } catch (IndexOutOfBoundsException e) {
      return text.length();
    }
  }

  private String at(int index) {
    int line = Arrays.binarySearch(lineStarts, index);
    if (line < 0) {
      line = -line - 2;
    }
    int column = text.codePointCount(lineStarts[line], index);
    return fileName + ":" + (line + 1) + ":" + (column + 1);
  }
}
