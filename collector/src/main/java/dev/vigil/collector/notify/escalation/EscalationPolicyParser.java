package dev.vigil.collector.notify.escalation;

import dev.vigil.collector.notify.YamlNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

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
  private final YamlNodes yaml;
  private final Set<String> receivers;

  private EscalationPolicyParser(YamlNodes yaml, Set<String> receivers) {
    this.yaml = yaml;
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
    YamlNodes.Root root = YamlNodes.compose(fileName, text, "\"policies:\"");
    Map<String, Node> top = root.yaml().mapping(root.node(), "the file", Set.of("policies"));
    return policies(root.yaml(), root.node(), top.get("policies"), receivers);
  }

  /**
   * The policies under the {@code policies:} key of a larger file.
   *
   * @param parent the mapping that holds {@code policies:}, for the error when it is missing
   * @param policies the value of {@code policies:}, or null when the key is missing
   */
  public static EscalationPolicies policies(
      YamlNodes yaml, Node parent, Node policies, Set<String> receivers) {
    if (policies == null) {
      throw yaml.error(parent, "the file needs a \"policies:\" mapping");
    }
    return new EscalationPolicyParser(yaml, receivers).policies(policies);
  }

  private EscalationPolicies policies(Node policies) {
    Map<String, EscalationPolicy> byName = new LinkedHashMap<>();
    for (NodeTuple tuple : yaml.mappingNode(policies, "\"policies\"").getValue()) {
      String name = yaml.scalar(tuple.getKeyNode(), "a policy name");
      if (byName.put(name, policy(name, tuple.getValueNode())) != null) {
        throw yaml.error(tuple.getKeyNode(), "policy \"" + name + "\" is given twice");
      }
    }
    if (!byName.containsKey(EscalationPolicies.DEFAULT)) {
      throw yaml.error(
          policies, "there must be a policy named \"" + EscalationPolicies.DEFAULT + "\"");
    }
    return new EscalationPolicies(byName);
  }

  private EscalationPolicy policy(String name, Node node) {
    List<Node> items =
        yaml.list(node, "policy \"" + name + "\" must be a list of steps with after and receivers");
    List<EscalationStep> steps = new ArrayList<>();
    for (Node stepNode : items) {
      EscalationStep step = step(name, stepNode);
      if (!steps.isEmpty() && step.after().compareTo(steps.get(steps.size() - 1).after()) <= 0) {
        throw yaml.error(
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
    Map<String, Node> fields = yaml.mapping(node, "a step", Set.of("after", "receivers"));
    String whose = "a step of policy \"" + policy + "\"";
    Node after = yaml.required(fields, node, "after", whose);
    Node names = yaml.required(fields, node, "receivers", whose);
    Duration duration;
    try {
      duration = PolicyDuration.parse(yaml.scalar(after, "'after'"));
    } catch (IllegalArgumentException e) {
      throw yaml.error(after, "'after' " + e.getMessage());
    }
    return new EscalationStep(duration, receiverList(names));
  }

  private List<String> receiverList(Node node) {
    List<Node> items =
        yaml.list(node, "'receivers' must be a list of receiver names, e.g. [alertmanager]");
    List<String> names = new ArrayList<>();
    for (Node item : items) {
      String name = yaml.scalar(item, "a receiver name");
      if (!receivers.contains(name)) {
        throw yaml.error(
            item, "unknown receiver \"" + name + "\"; configured: " + YamlNodes.sorted(receivers));
      }
      if (names.contains(name)) {
        throw yaml.error(item, "receiver \"" + name + "\" is listed twice in this step");
      }
      names.add(name);
    }
    return names;
  }
}
