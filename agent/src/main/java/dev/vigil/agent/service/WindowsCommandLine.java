package dev.vigil.agent.service;

import java.util.List;

/**
 * Builds a Windows command line that the Service Control Manager and the Java launcher split back
 * into exactly the given arguments.
 *
 * <p>The executable is always quoted: an unquoted {@code C:\Program Files\Java\bin\java.exe} lets
 * Windows try {@code C:\Program.exe} first, a path a local user may be able to create (the
 * "unquoted service path" privilege escalation). Arguments follow the Microsoft C runtime rules
 * that the Java launcher uses: an argument with white space, a quote or a wildcard ({@code *} or
 * {@code ?}, which the launcher would expand against the working directory) goes in quotes;
 * backslashes are doubled only where they precede a quote. The Service Control Manager expands
 * {@code %NAME%} in the command line and no escape exists for it, so a {@code %} is refused.
 */
final class WindowsCommandLine {
  private WindowsCommandLine() {}

  /** The executable, quoted, followed by every argument, each quoted when it needs to be. */
  static String of(String executable, List<String> arguments) {
    StringBuilder line = new StringBuilder();
    appendExecutable(line, executable);
    for (String argument : arguments) {
      line.append(' ');
      appendArgument(line, argument);
    }
    return line.toString();
  }

  private static void appendExecutable(StringBuilder line, String executable) {
    refusePercent(executable);
    // CreateProcess reads the program name up to the next quote, with no escapes: a quote inside it
    // cannot be written, and Windows file names cannot hold one anyway.
    if (executable.isEmpty() || executable.indexOf('"') >= 0) {
      throw new IllegalArgumentException(
          "the program path must be a non-empty path without quotes, got \"" + executable + "\"");
    }
    line.append('"').append(executable).append('"');
  }

  private static void appendArgument(StringBuilder line, String argument) {
    refusePercent(argument);
    if (!needsQuotes(argument)) {
      line.append(argument);
      return;
    }
    line.append('"');
    int backslashes = 0;
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c == '\\') {
        backslashes++;
        continue;
      }
      // Backslashes are literal unless a quote follows them: then each one is doubled, plus one
      // more to escape the quote itself.
      int copies = c == '"' ? backslashes * 2 + 1 : backslashes;
      line.append("\\".repeat(copies)).append(c);
      backslashes = 0;
    }
    // The closing quote follows: trailing backslashes must be doubled so it is not escaped.
    line.append("\\".repeat(backslashes * 2)).append('"');
  }

  private static boolean needsQuotes(String argument) {
    if (argument.isEmpty()) {
      return true;
    }
    for (int i = 0; i < argument.length(); i++) {
      switch (argument.charAt(i)) {
        case ' ', '\t', '\n', '\u000b', '"', '*', '?' -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  private static void refusePercent(String text) {
    if (text.indexOf('%') >= 0) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" contains %, which the Service Control Manager would expand as an"
              + " environment variable");
    }
  }
}
