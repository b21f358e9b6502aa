package dev.vigil.collector.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

/**
 * Reads one YAML file as SnakeYAML Engine's node tree, so that every error the notification
 * configuration's parsers raise starts with {@code file:line:column} of the node at fault.
 */
public final class YamlNodes {
  private final String fileName;

  private YamlNodes(String fileName) {
    this.fileName = fileName;
  }

  /**
   * The root node of {@code text}.
   *
   * @param fileName how errors name the file
   * @param expected what the file must hold, for the message when it is empty
   * @throws IllegalArgumentException starting with {@code file:line:column:} for invalid YAML
   */
  public static Root compose(String fileName, String text, String expected) {
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(fileName).build()).composeString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(mark -> at(fileName, mark)).orElse(fileName);
      throw new IllegalArgumentException(where + ": " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
    }
    if (root.isEmpty()) {
      throw new IllegalArgumentException(fileName + ": the file is empty; it needs " + expected);
    }
    return new Root(new YamlNodes(fileName), root.get());
  }

  /** A file's root node with the reader that explains its errors. */
  public record Root(YamlNodes yaml, Node node) {}

  /** The file's name as errors give it. */
  public String fileName() {
    return fileName;
  }

  /** The mapping's values by key; a key outside {@code keys} or given twice is an error. */
  public Map<String, Node> mapping(Node node, String what, Set<String> keys) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mappingNode(node, what).getValue()) {
      String key = scalar(tuple.getKeyNode(), "a key");
      if (!keys.contains(key)) {
        throw error(tuple.getKeyNode(), "unknown key \"" + key + "\"; expected " + sorted(keys));
      }
      if (fields.put(key, tuple.getValueNode()) != null) {
        throw error(tuple.getKeyNode(), "key \"" + key + "\" is given twice");
      }
    }
    return fields;
  }

  /** The node as a mapping; anything else is an error naming {@code what}. */
  public MappingNode mappingNode(Node node, String what) {
    if (node instanceof MappingNode mapping) {
      return mapping;
    }
    throw error(node, what + " must be a mapping");
  }

  /** The items of a non-empty list; anything else is an error naming {@code what}. */
  public List<Node> list(Node node, String what) {
    if (node instanceof SequenceNode list && !list.getValue().isEmpty()) {
      return list.getValue();
    }
    throw error(node, what);
  }

  /** The node's text, which must not be empty. */
  public String scalar(Node node, String what) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
      return scalar.getValue();
    }
    throw error(node, what + " must be a plain value");
  }

  /** The field {@code key} of {@code fields}, which must be there. */
  public Node required(Map<String, Node> fields, Node parent, String key, String whose) {
    Node value = fields.get(key);
    if (value == null) {
      throw error(parent, whose + " needs '" + key + "'");
    }
    return value;
  }

  /** An error at the node's position. */
  public IllegalArgumentException error(Node node, String message) {
    String where = node.getStartMark().map(mark -> at(fileName, mark)).orElse(fileName);
    return new IllegalArgumentException(where + ": " + message);
  }

  /** The names, sorted and comma-separated, for messages. */
  public static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  /** {@code file:line:column}, both counted from 1 as editors do (SnakeYAML counts from 0). */
  private static String at(String fileName, Mark mark) {
    return fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }
}
