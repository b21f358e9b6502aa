package dev.vigil.agent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the YAML configuration file: a mapping of settings by name, where a section such as {@code
 * tls:} holds the settings named {@code tls.*}. It works on SnakeYAML Engine's node tree rather
 * than on loaded Java objects, so every value keeps its line and column, and scalars keep their
 * text ({@code 15s}, {@code true}) for the settings' own validation.
 */
final class YamlSettings {
  private final String fileName;
  private final Set<String> names;
  private final Function<String, SettingKind> kind;
  private final List<SettingValue> values = new ArrayList<>();

  private YamlSettings(String fileName, Set<String> names, Function<String, SettingKind> kind) {
    this.fileName = fileName;
    this.names = names;
    this.kind = kind;
  }

  /**
   * The settings in {@code text}, in file order; nothing for an empty file.
   *
   * @param fileName how errors name the file
   * @throws IllegalArgumentException starting with {@code file:line:column:} for invalid YAML, an
   *     unknown key or a value of the wrong shape
   */
  static List<SettingValue> parse(
      String fileName, String text, Set<String> names, Function<String, SettingKind> kind) {
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(fileName).build()).composeString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(mark -> at(fileName, mark)).orElse(fileName);
      throw new IllegalArgumentException(where + ": " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
    }
    YamlSettings reader = new YamlSettings(fileName, names, kind);
    root.ifPresent(node -> reader.section("", node));
    return reader.values;
  }

  private void section(String prefix, Node node) {
    if (!(node instanceof MappingNode mapping)) {
      throw error(
          node,
          prefix.isEmpty()
              ? "the file must be a mapping of settings, e.g. \"interval: 15s\""
              : "key \"" + prefix.substring(0, prefix.length() - 1) + "\" must be a mapping");
    }
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String name = prefix + text(keyNode, "a key");
      Node first = seen.putIfAbsent(name, keyNode);
      if (first != null) {
        throw error(
            keyNode, "key \"" + name + "\" is given twice (first on line " + line(first) + ")");
      }
      entry(name, keyNode, tuple.getValueNode());
    }
  }

  private void entry(String name, Node keyNode, Node value) {
    if (names.contains(name)) {
      setting(name, value);
    } else if (isSection(name)) {
      section(name + ".", value);
    } else {
      Set<String> candidates = new TreeSet<>(names);
      names.stream().filter(n -> n.contains(".")).forEach(n -> candidates.add(sectionOf(n)));
      throw error(
          keyNode,
          "unknown key \""
              + name
              + "\""
              + ClosestName.hint(name, candidates, n -> "\"" + n + "\""));
    }
  }

  private boolean isSection(String name) {
    return names.stream().anyMatch(n -> n.startsWith(name + "."));
  }

  private static String sectionOf(String dotted) {
    return dotted.substring(0, dotted.lastIndexOf('.'));
  }

  private void setting(String name, Node value) {
    if (kind.apply(name) != SettingKind.REPEATED) {
      add(name, value, text(value, "key \"" + name + "\""));
    } else if (value instanceof SequenceNode list) {
      for (Node item : list.getValue()) {
        add(name, item, text(item, "each item of \"" + name + "\""));
      }
    } else if (value instanceof MappingNode map) {
      for (NodeTuple entry : map.getValue()) {
        String key = text(entry.getKeyNode(), "each key of \"" + name + "\"");
        String text = text(entry.getValueNode(), "key \"" + name + "." + key + "\"");
        add(name, entry.getKeyNode(), key + "=" + text);
      }
    } else {
      add(name, value, text(value, "key \"" + name + "\""));
    }
  }

  private void add(String name, Node node, String text) {
    values.add(new SettingValue(name, text, position(node) + ": key \"" + name + "\""));
  }

  /** The text of a scalar; {@code what} names it in the error when the node is no plain value. */
  private String text(Node node, String what) {
    if (!(node instanceof ScalarNode scalar)) {
      throw error(node, what + " must be a single value, not a " + shape(node));
    }
    if (Tag.NULL.equals(scalar.getTag())) {
      throw error(node, what + " needs a value");
    }
    return scalar.getValue();
  }

  private static String shape(Node node) {
    return node instanceof SequenceNode ? "list" : "mapping";
  }

  private IllegalArgumentException error(Node node, String message) {
    return new IllegalArgumentException(position(node) + ": " + message);
  }

  private String position(Node node) {
    return node.getStartMark().map(mark -> at(fileName, mark)).orElse(fileName);
  }

  private static int line(Node node) {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
  }

  /** {@code file:line:column}, both counted from 1 as editors do (SnakeYAML counts from 0). */
  private static String at(String fileName, Mark mark) {
    return fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }
}
