package dev.vigil.collector.rules;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rule files {@code --rules} names: each path is a file, or a directory whose {@code *.yml} and
 * {@code *.yaml} files are read in name order (not its subdirectories, nor hidden files such as an
 * editor's {@code .rules.yml.swp}). A directory is listed again at every read, so a file added to
 * it is picked up by the next reload.
 */
final class RuleSources {
  private final List<Path> paths;

  RuleSources(List<Path> paths) {
    this.paths = List.copyOf(paths);
  }

  boolean isEmpty() {
    return paths.isEmpty();
  }

  /**
   * Every file's text as it is now, in order.
   *
   * @throws RuleFileException naming a path that is missing, unreadable or not UTF-8
   */
  Map<Path, String> read() throws RuleFileException {
    Map<Path, String> files = new LinkedHashMap<>();
    for (Path path : paths) {
      for (Path file : files(path)) {
        files.put(file, text(file));
      }
    }
    return files;
  }

  private static List<Path> files(Path path) throws RuleFileException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new RuleFileException(path + ": no such rule file or directory");
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries
          .filter(RuleSources::isRuleFile)
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new RuleFileException(path + ": cannot list the directory: " + e.getMessage(), e);
    }
  }

  private static boolean isRuleFile(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".")
        && (name.endsWith(".yml") || name.endsWith(".yaml"))
        && Files.isRegularFile(file);
  }

  private static String text(Path file) throws RuleFileException {
    try {
      return Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new RuleFileException(file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new RuleFileException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
