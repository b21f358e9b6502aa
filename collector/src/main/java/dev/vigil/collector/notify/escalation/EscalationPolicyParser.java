package dev.vigil.collector.notify.escalation;

import java.time.Duration;
import java.util.ArrayList;
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
 * Reads escalation policies from YAML:
 *
 * <pre>
 * policies:
 *   default:
 *     - after: 0s
 *       receivers: [alertmanager, first-line-mail]
 *     - after: 15m
 *       receivers: [second-line-webhook]
 * </pre>
 *
 * It works on SnakeYAML Engine's node tree, so every error starts with {@code file:line:column} of
 * the node at fault.
 */
public final class EscalationPolicyParser {
  private final String fileName;
  private final Set<String> receivers;

  private EscalationPolicyParser(String fileName, Set<String> receivers) {
    this.fileName = fileName;
    this.receivers = receivers;
  }

  /**
   * The policies in {@code text}.
   *
   * @param fileName how errors name the file
   * @param receivers the names of the configured receivers, which steps may use
   * @throws IllegalArgumentException starting with {@code file:line:column:} for invalid YAML, a
   *     wrong shape, an unknown key or receiver, a bad duration, steps out of order, or no policy
   *     named {@value EscalationPolicies#DEFAULT}
   */
  public static EscalationPolicies parse(String fileName, String text, Set<String> receivers) {
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
      throw new IllegalArgumentException(fileName + ": the file is empty; it needs \"policies:\"");
    }
    return new EscalationPolicyParser(fileName, receivers).file(root.get());
  }

  private EscalationPolicies file(Node root) {
    Map<String, Node> top = mapping(root, "the file", Set.of("policies"));
    Node policies = top.get("policies");
    if (policies == null) {
      throw error(root, "the file needs a \"policies:\" mapping");
    }
    Map<String, EscalationPolicy> byName = new LinkedHashMap<>();
    for (NodeTuple tuple : mappingNode(policies, "\"policies\"").getValue()) {
      String name = scalar(tuple.getKeyNode(), "a policy name");
      if (byName.put(name, policy(name, tuple.getValueNode())) != null) {
        throw error(tuple.getKeyNode(), "policy \"" + name + "\" is given twice");
      }
    }
    if (!byName.containsKey(EscalationPolicies.DEFAULT)) {
      throw error(policies, "there must be a policy named \"" + EscalationPolicies.DEFAULT + "\"");
    }
    return new EscalationPolicies(byName);
  }

  private EscalationPolicy policy(String name, Node node) {
    if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
      throw error(node, "policy \"" + name + "\" must be a list of steps with after and receivers");
    }
    List<EscalationStep> steps = new ArrayList<>();
    for (Node stepNode : list.getValue()) {
      EscalationStep step = step(name, stepNode);
      if (!steps.isEmpty() && step.after().compareTo(steps.get(steps.size() - 1).after()) <= 0) {
        throw error(
            stepNode,
            "policy \""
                + name
                + "\": each step's 'after' must be later than the one before ("
                + steps.get(steps.size() - 1).after()
                + ")");
      }
      steps.add(step);
    }
    return new EscalationPolicy(name, steps);
  }

  private EscalationStep step(String policy, Node node) {
    Map<String, Node> fields = mapping(node, "a step", Set.of("after", "receivers"));
    Node after = required(fields, node, "after", policy);
    Node names = required(fields, node, "receivers", policy);
    Duration duration;
    try {
      duration = PolicyDuration.parse(scalar(after, "'after'"));
    } catch (IllegalArgumentException e) {
      throw error(after, "'after' " + e.getMessage());
    }
    return new EscalationStep(duration, receiverList(names));
  }

  private List<String> receiverList(Node node) {
    if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
      throw error(node, "'receivers' must be a list of receiver names, e.g. [alertmanager]");
    }
    List<String> names = new ArrayList<>();
    for (Node item : list.getValue()) {
      String name = scalar(item, "a receiver name");
      if (!receivers.contains(name)) {
        throw error(item, "unknown receiver \"" + name + "\"; configured: " + sorted(receivers));
      }
      if (names.contains(name)) {
        throw error(item, "receiver \"" + name + "\" is listed twice in this step");
      }
      names.add(name);
    }
    return names;
  }

  private Node required(Map<String, Node> fields, Node step, String key, String policy) {
    Node value = fields.get(key);
    if (value == null) {
      throw error(step, "a step of policy \"" + policy + "\" needs '" + key + "'");
    }
    return value;
  }

  private Map<String, Node> mapping(Node node, String what, Set<String> keys) {
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

  private MappingNode mappingNode(Node node, String what) {
    if (node instanceof MappingNode mapping) {
      return mapping;
    }
    throw error(node, what + " must be a mapping");
  }

  private String scalar(Node node, String what) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
      return scalar.getValue();
    }
    throw error(node, what + " must be a plain value");
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  private IllegalArgumentException error(Node node, String message) {
    String where = node.getStartMark().map(mark -> at(fileName, mark)).orElse(fileName);
    return new IllegalArgumentException(where + ": " + message);
  }

  /** {@code file:line:column}, both counted from 1 as editors do (SnakeYAML counts from 0). */
  private static String at(String fileName, Mark mark) {
    return fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }
}
