package dev.vigil.collector.notify.config;

import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Receiver;
import dev.vigil.collector.notify.escalation.EscalationPolicies;
import dev.vigil.collector.notify.paging.PagingWindows;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receivers, escalation policies and paging windows of one notifications file.
 *
 * @param receivers every receiver, in the file's order
 * @param policies the policies, which name only these receivers
 * @param paging when incidents may page (empty: everything pages at once)
 */
public record NotificationsConfig(
    List<ReceiverConfig> receivers, EscalationPolicies policies, PagingWindows paging) {
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
