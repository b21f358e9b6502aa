package dev.vigil.collector.notify.config;

import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Receiver;
import dev.vigil.collector.notify.escalation.EscalationPolicies;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receivers and escalation policies of one notifications file.
 *
 * @param receivers every receiver, in the file's order
 * @param policies the policies, which name only these receivers
 */
public record NotificationsConfig(List<ReceiverConfig> receivers, EscalationPolicies policies) {
  /** Copies the list. */
  public NotificationsConfig {
    receivers = List.copyOf(receivers);
  }

  /** The receivers built, by name. */
  public Map<String, Receiver> build(InstantSource clock, JsonPost post) {
    Map<String, Receiver> built = new LinkedHashMap<>();
    for (ReceiverConfig receiver : receivers) {
      built.put(receiver.name(), receiver.build(clock, post));
    }
    return built;
  }
}
