package dev.vigil.collector.notify.webhook;

import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.Receiver;
import java.net.URI;
import java.time.InstantSource;
import java.util.Map;

/**
 * Posts each notification as a JSON document to a URL, signed in {@link WebhookSigner#HEADER}. A
 * retry signs again with the time of the retry, so a receiver's replay window is measured from the
 * attempt it sees, not from the first one.
 */
public final class WebhookReceiver implements Receiver {
  private final String name;
  private final URI url;
  private final WebhookSigner signer;
  private final InstantSource clock;
  private final JsonPost post;

  /**
   * @param url where to post
   * @param signer signs with the secret the receiving end holds
   * @param clock the time each attempt is signed with
   */
  public WebhookReceiver(
      String name, URI url, WebhookSigner signer, InstantSource clock, JsonPost post) {
    this.name = name;
    this.url = url;
    this.signer = signer;
    this.clock = clock;
    this.post = post;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    String body = WebhookPayload.write(notification);
    String signature = signer.sign(clock.instant().getEpochSecond(), body);
    post.post(url, body, Map.of(WebhookSigner.HEADER, signature));
  }
}
