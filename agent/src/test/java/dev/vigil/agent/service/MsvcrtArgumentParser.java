package dev.vigil.agent.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Windows command line the way the Microsoft C runtime (and the Java launcher, which
 * follows it) does: the program name up to the next quote or white space, then the argument rules
 * of "Parsing C++ command-line arguments" (Microsoft Learn). Checked against that page's own table
 * in {@link WindowsCommandLineTest}, so that {@link WindowsCommandLine} is not checked against
 * itself.
 */
final class MsvcrtArgumentParser {
  private MsvcrtArgumentParser() {}

  static List<String> split(String line) {
    List<String> argv = new ArrayList<>();
    int i = readProgram(line, argv);
    while (true) {
      while (i < line.length() && isBlank(line.charAt(i))) {
        i++;
      }
      if (i >= line.length()) {
        return argv;
      }
      StringBuilder argument = new StringBuilder();
      i = readArgument(line, i, argument);
      argv.add(argument.toString());
    }
  }

  private static int readProgram(String line, List<String> argv) {
    if (line.startsWith("\"")) {
      int end = line.indexOf('"', 1);
      argv.add(line.substring(1, end));
      return end + 1;
    }
    int end = 0;
    while (end < line.length() && !isBlank(line.charAt(end))) {
      end++;
    }
    argv.add(line.substring(0, end));
    return end;
  }

  private static int readArgument(String line, int start, StringBuilder argument) {
    boolean quoted = false;
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        int run = 0;
        while (i < line.length() && line.charAt(i) == '\\') {
          run++;
          i++;
        }
        boolean quoteFollows = i < line.length() && line.charAt(i) == '"';
        argument.append("\\".repeat(quoteFollows ? run / 2 : run));
        if (quoteFollows && run % 2 == 1) {
          argument.append('"');
          i++;
        }
      } else if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          argument.append('"');
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
      } else if (!quoted && isBlank(c)) {
        return i;
      } else {
        argument.append(c);
        i++;
      }
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
