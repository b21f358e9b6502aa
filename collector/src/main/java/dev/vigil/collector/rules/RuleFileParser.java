package dev.vigil.collector.rules;

import dev.vigil.collector.rules.promql.Expr;
import dev.vigil.collector.rules.promql.ExprException;
import dev.vigil.collector.rules.promql.ExprParser;
import dev.vigil.collector.rules.promql.PromDuration;
import dev.vigil.collector.rules.promql.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one rule file in Prometheus' format ({@code groups:} of {@code name}, {@code interval},
 * {@code rules:} of {@code alert}, {@code expr}, {@code for}, {@code keep_firing_for}, {@code
 * labels}, {@code annotations}) from SnakeYAML Engine's node tree, so that every error names the
 * file, line and column of what is wrong. Unknown keys are errors, as in Prometheus; Vigil's one
 * extension lives among the annotations, where Prometheus allows any name, so a Vigil file still
 * passes {@code promtool check rules}.
 */
final class RuleFileParser {
  /** Vigil's hysteresis condition; see {@link Rule#keepFiringWhile()}. */
  static final String KEEP_FIRING_WHILE = "vigil_keep_firing_while";

  private static final String VIGIL_PREFIX = "vigil_";
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final List<String> GROUP_KEYS = List.of("name", "interval", "rules");
  private static final List<String> RULE_KEYS =
      List.of("alert", "expr", "for", "keep_firing_for", "labels", "annotations");

  private final SourceText source;
  private final Path file;

  private RuleFileParser(SourceText source, Path file) {
    this.source = source;
    this.file = file;
  }

  /**
   * The groups of the file, in order; none for an empty file.
   *
   * @param file the file, named in errors as given
   * @param text its content
   * @throws RuleFileException starting with {@code file:line:column:}
   */
  static List<RuleGroup> parse(Path file, String text) throws RuleFileException {
    String name = file.toString();
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(name).build()).composeString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(new SourceText(name, text)::at).orElse(name);
      throw new RuleFileException(where + ": " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new RuleFileException(name + ": " + e.getMessage(), e);
    }
    if (root.isEmpty()) {
      return List.of();
    }
    return new RuleFileParser(new SourceText(name, text), file).groups(root.get());
  }

  private List<RuleGroup> groups(Node root) throws RuleFileException {
    Map<String, Node> top = mapping(root, "the file", List.of("groups"));
    List<RuleGroup> groups = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    for (Node node : sequence(top.get("groups"), "groups")) {
      RuleGroup group = group(node);
      Node first = names.putIfAbsent(group.name(), node);
      if (first != null) {
        throw error(
            node,
            "group name \""
                + group.name()
                + "\" is used twice (first at "
                + source.at(first)
                + ")");
      }
      groups.add(group);
    }
    return groups;
  }

  private RuleGroup group(Node node) throws RuleFileException {
    Map<String, Node> keys = mapping(node, "a group", GROUP_KEYS);
    String name = requiredText(node, keys, "name", "a group");
    Optional<Duration> interval = Optional.empty();
    if (present(keys.get("interval"))) {
      interval = Optional.of(duration(keys.get("interval"), "interval"));
    }
    List<Rule> rules = new ArrayList<>();
    for (Node rule : sequence(keys.get("rules"), "rules")) {
      rules.add(rule(rule));
    }
    return new RuleGroup(name, interval, rules, file);
  }

  private Rule rule(Node node) throws RuleFileException {
    Map<String, Node> keys = mapping(node, "a rule", RULE_KEYS);
    String name = requiredText(node, keys, "alert", "a rule");
    ScalarNode exprNode = scalar(keys.get("expr"), "expr");
    if (exprNode == null) {
      throw error(node, "rule \"" + name + "\" needs an expr");
    }
    Expr expr = expression(exprNode, "expr");
    Map<String, String> annotations = new LinkedHashMap<>();
    Optional<Expr> keepFiringWhile = Optional.empty();
    for (Entry entry : labelMap(keys.get("annotations"), "annotation")) {
      if (entry.name().equals(KEEP_FIRING_WHILE)) {
        keepFiringWhile = Optional.of(expression(entry.value(), KEEP_FIRING_WHILE));
      } else if (entry.name().startsWith(VIGIL_PREFIX)) {
        throw error(
            entry.key(),
            "unknown Vigil annotation \"" + entry.name() + "\"; Vigil knows " + KEEP_FIRING_WHILE);
      } else {
        annotations.put(entry.name(), entry.value().getValue());
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Entry entry : labelMap(keys.get("labels"), "label")) {
      labels.put(entry.name(), entry.value().getValue());
    }
    return new Rule(
        name,
        expr,
        exprNode.getValue(),
        optionalDuration(keys.get("for"), "for"),
        optionalDuration(keys.get("keep_firing_for"), "keep_firing_for"),
        keepFiringWhile,
        labels,
        annotations,
        source.at(node));
  }

  /** Parses an expression, placing its errors in the file. */
  private Expr expression(ScalarNode node, String key) throws RuleFileException {
    Expr expr;
    try {
      expr = ExprParser.parse(node.getValue());
    } catch (ExprException e) {
      throw new RuleFileException(
          source.locate(node, e.position()) + ": " + key + ": " + e.getMessage(), e);
    }
    if (expr.type() != ValueType.VECTOR) {
      throw error(
          node,
          key
              + " must return series, e.g. node_load1 > 4; \""
              + node.getValue()
              + "\" is a number");
    }
    return expr;
  }

  /**
   * The keys of a mapping node; refuses keys not in {@code known}, with what to do for the keys
   * Prometheus has and Vigil does not.
   */
  private Map<String, Node> mapping(Node node, String what, List<String> known)
      throws RuleFileException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, what + " must be a mapping of " + String.join(", ", known));
    }
    Map<String, Node> values = new LinkedHashMap<>();
    Map<String, Node> keyNodes = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyText(keyNode);
      if (!known.contains(key)) {
        throw error(keyNode, unknownKey(key, what, known));
      }
      Node first = keyNodes.putIfAbsent(key, keyNode);
      if (first != null) {
        throw error(
            keyNode, "key \"" + key + "\" is given twice (first at " + source.at(first) + ")");
      }
      values.put(key, tuple.getValueNode());
    }
    return values;
  }

  private static String unknownKey(String key, String what, List<String> known) {
    if (key.equals("record")) {
      return "recording rules are not supported: Vigil evaluates alerting rules (alert:) only";
    }
    if (key.equals("limit")) {
      return "a group's limit is not supported by Vigil";
    }
    String hint =
        what.equals("a rule")
            ? "; Vigil's extensions go in annotations, e.g. " + KEEP_FIRING_WHILE
            : "";
    return "unknown key \""
        + key
        + "\" in "
        + what
        + " (known: "
        + String.join(", ", known)
        + ")"
        + hint;
  }

  /** One name and value of {@code labels} or {@code annotations}. */
  private record Entry(String name, Node key, ScalarNode value) {}

  /** The name/value pairs of {@code labels} or {@code annotations}, names checked. */
  private List<Entry> labelMap(Node node, String what) throws RuleFileException {
    if (!present(node)) {
      return List.of();
    }
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, what + "s must be a mapping of names to values");
    }
    List<Entry> entries = new ArrayList<>();
    Map<String, Node> seen = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String name = keyText(tuple.getKeyNode());
      if (!LABEL_NAME.matcher(name).matches()) {
        throw error(
            tuple.getKeyNode(),
            "invalid "
                + what
                + " name \""
                + name
                + "\": letters, digits and _, not starting with a digit");
      }
      Node first = seen.putIfAbsent(name, tuple.getKeyNode());
      if (first != null) {
        throw error(
            tuple.getKeyNode(),
            what + " \"" + name + "\" is given twice (first at " + source.at(first) + ")");
      }
      ScalarNode value = scalar(tuple.getValueNode(), what + " \"" + name + "\"");
      if (value == null) {
        throw error(tuple.getKeyNode(), what + " \"" + name + "\" needs a value");
      }
      entries.add(new Entry(name, tuple.getKeyNode(), value));
    }
    return entries;
  }

  private List<Node> sequence(Node node, String key) throws RuleFileException {
    if (!present(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode list)) {
      throw error(node, key + " must be a list");
    }
    return list.getValue();
  }

  private String requiredText(Node parent, Map<String, Node> keys, String key, String what)
      throws RuleFileException {
    ScalarNode node = scalar(keys.get(key), key);
    if (node == null || node.getValue().isEmpty()) {
      throw error(parent, what + " has no " + key);
    }
    return node.getValue();
  }

  private Duration optionalDuration(Node node, String key) throws RuleFileException {
    return present(node) ? duration(node, key) : Duration.ZERO;
  }

  private Duration duration(Node node, String key) throws RuleFileException {
    ScalarNode scalar = scalar(node, key);
    try {
      return PromDuration.parse(scalar.getValue());
    } catch (IllegalArgumentException e) {
      throw error(node, key + ": " + e.getMessage());
    }
  }

  /** A scalar value, or null when absent or empty ({@code key:} with nothing after it). */
  private ScalarNode scalar(Node node, String key) throws RuleFileException {
    if (!present(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw error(
          node,
          key
              + " must be a single value, not a "
              + (node instanceof SequenceNode ? "list" : "mapping"));
    }
    return scalar;
  }

  private String keyText(Node keyNode) throws RuleFileException {
    if (!(keyNode instanceof ScalarNode scalar) || !present(keyNode)) {
      throw error(keyNode, "a key must be a plain name");
    }
    return scalar.getValue();
  }

  private static boolean present(Node node) {
    return node != null && !Tag.NULL.equals(node.getTag());
  }

  private RuleFileException error(Node node, String message) {
    return new RuleFileException(source.at(node) + ": " + message);
  }
}
