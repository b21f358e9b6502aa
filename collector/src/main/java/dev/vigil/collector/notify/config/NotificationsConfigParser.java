package dev.vigil.collector.notify.config;

import dev.vigil.collector.notify.YamlNodes;
import dev.vigil.collector.notify.email.SmtpSettings;
import dev.vigil.collector.notify.escalation.EscalationPolicies;
import dev.vigil.collector.notify.escalation.EscalationPolicyParser;
import dev.vigil.collector.notify.paging.PagingWindows;
import dev.vigil.collector.notify.paging.PagingWindowsParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads the notifications file: named receivers, each of one kind, then the escalation policies
 * (see {@link EscalationPolicyParser}) that may name only those receivers, then, optionally, the
 * time windows, paging routes and maintenance windows (see {@link PagingWindowsParser}).
 *
 * <pre>
 * receivers:
 *   first-line:
 *     webhook: {url: https://hooks.example.org/vigil, secret_file: webhook.secret}
 * policies:
 *   default:
 *     - after: 0s
 *       receivers: [first-line]
 * </pre>
 *
 * Secret and password files are read at once, relative to the notifications file's directory, so a
 * missing one stops the collector at start rather than at the first incident.
 */
public final class NotificationsConfigParser {
  /** The bound of connecting to, and of each exchange with, any receiver. */
  public static final Duration RECEIVER_TIMEOUT = Duration.ofSeconds(10);

  private static final int SMTP_SUBMISSION_PORT = 587;

  private final YamlNodes yaml;
  private final Path directory;

  private NotificationsConfigParser(YamlNodes yaml, Path directory) {
    this.yaml = yaml;
    this.directory = directory;
  }

  /**
   * Reads and parses {@code file}.
   *
   * @throws IllegalArgumentException starting with {@code file:line:column:} when the file is
   *     invalid, or naming the file it could not read
   */
  public static NotificationsConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path directory = file.toAbsolutePath().getParent();
    return parse(file.toString(), text, directory);
  }

  /** Parses {@code text}; secret files are resolved against {@code directory}. */
  public static NotificationsConfig parse(String fileName, String text, Path directory) {
    YamlNodes.Root root = YamlNodes.compose(fileName, text, "\"receivers:\" and \"policies:\"");
    YamlNodes yaml = root.yaml();
    Map<String, Node> top =
        yaml.mapping(
            root.node(),
            "the file",
            Set.of("receivers", "policies", "time_windows", "paging", "maintenance"));
    Node receiversNode = top.get("receivers");
    if (receiversNode == null) {
      throw yaml.error(root.node(), "the file needs a \"receivers:\" mapping");
    }
    List<ReceiverConfig> receivers =
        new NotificationsConfigParser(yaml, directory).receivers(receiversNode);
    List<String> named = receivers.stream().map(ReceiverConfig::name).toList();
    EscalationPolicies policies =
        EscalationPolicyParser.policies(yaml, root.node(), top.get("policies"), Set.copyOf(named));
    PagingWindows paging =
        PagingWindowsParser.parse(
            yaml, top.get("time_windows"), top.get("paging"), top.get("maintenance"));
    return new NotificationsConfig(receivers, policies, paging);
  }

  private List<ReceiverConfig> receivers(Node node) {
    List<ReceiverConfig> receivers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (NodeTuple tuple : yaml.mappingNode(node, "\"receivers\"").getValue()) {
      String name = yaml.scalar(tuple.getKeyNode(), "a receiver name");
      if (names.contains(name)) {
        throw yaml.error(tuple.getKeyNode(), "receiver \"" + name + "\" is given twice");
      }
      names.add(name);
      receivers.add(receiver(name, tuple.getValueNode()));
    }
    return receivers;
  }

  private ReceiverConfig receiver(String name, Node node) {
    Map<String, Node> kinds =
        yaml.mapping(node, "receiver \"" + name + "\"", Set.of("alertmanager", "webhook", "email"));
    if (kinds.size() != 1) {
      throw yaml.error(
          node, "receiver \"" + name + "\" needs exactly one of alertmanager, email, webhook");
    }
    Map.Entry<String, Node> kind = kinds.entrySet().iterator().next();
    return switch (kind.getKey()) {
      case "alertmanager" -> alertmanager(name, kind.getValue());
      case "webhook" -> webhook(name, kind.getValue());
      default -> email(name, kind.getValue());
    };
  }

  private ReceiverConfig alertmanager(String name, Node node) {
    Map<String, Node> fields =
        yaml.mapping(node, "an alertmanager", Set.of("url", "collector_url"));
    URI url = url(yaml.required(fields, node, "url", "receiver \"" + name + "\""));
    Optional<URI> collectorUrl = Optional.ofNullable(fields.get("collector_url")).map(this::url);
    return new ReceiverConfig.Alertmanager(name, url, collectorUrl);
  }

  private ReceiverConfig webhook(String name, Node node) {
    Map<String, Node> fields = yaml.mapping(node, "a webhook", Set.of("url", "secret_file"));
    String whose = "receiver \"" + name + "\"";
    URI url = url(yaml.required(fields, node, "url", whose));
    String secret = secretFile(yaml.required(fields, node, "secret_file", whose));
    return new ReceiverConfig.Webhook(name, url, secret.getBytes(StandardCharsets.UTF_8));
  }

  private ReceiverConfig email(String name, Node node) {
    Map<String, Node> fields =
        yaml.mapping(
            node,
            "an email",
            Set.of("host", "port", "starttls", "username", "password_file", "from", "to"));
    String whose = "receiver \"" + name + "\"";
    Optional<String> username =
        Optional.ofNullable(fields.get("username")).map(n -> yaml.scalar(n, "'username'"));
    Node passwordFile = fields.get("password_file");
    if (username.isPresent() != (passwordFile != null)) {
      throw yaml.error(node, whose + ": 'username' and 'password_file' go together");
    }
    List<String> to = new ArrayList<>();
    for (Node item : yaml.list(yaml.required(fields, node, "to", whose), "'to' must be a list")) {
      to.add(yaml.scalar(item, "a recipient"));
    }
    SmtpSettings settings =
        new SmtpSettings(
            yaml.scalar(yaml.required(fields, node, "host", whose), "'host'"),
            port(fields.get("port")),
            startTls(fields.get("starttls")),
            username,
            passwordFile == null ? "" : secretFile(passwordFile),
            yaml.scalar(yaml.required(fields, node, "from", whose), "'from'"),
            to,
            RECEIVER_TIMEOUT);
    return new ReceiverConfig.Email(name, settings);
  }

  private int port(Node node) {
    if (node == null) {
      return SMTP_SUBMISSION_PORT;
    }
    String text = yaml.scalar(node, "'port'");
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the value.
    }
    throw yaml.error(node, "'port' must be a number from 1 to 65535, got \"" + text + "\"");
  }

  private boolean startTls(Node node) {
    if (node == null) {
      return true;
    }
    String text = yaml.scalar(node, "'starttls'");
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw yaml.error(node, "'starttls' must be true or false, got \"" + text + "\"");
    };
  }

  private URI url(Node node) {
    String text = yaml.scalar(node, "a url");
    try {
      URI uri = new URI(text);
      if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below with the value.
    }
    throw yaml.error(node, "a url must be http:// or https://, got \"" + text + "\"");
  }

  /** The file's content without its trailing line break, which editors add. */
  private String secretFile(Node node) {
    Path file = directory.resolve(yaml.scalar(node, "a secret file"));
    try {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw yaml.error(node, "secret file " + file + " is empty");
      }
      return secret;
    } catch (NoSuchFileException e) {
      throw yaml.error(node, "secret file " + file + " does not exist");
    } catch (IOException e) {
      throw yaml.error(node, "cannot read secret file " + file + ": " + e.getMessage());
    }
  }
}
