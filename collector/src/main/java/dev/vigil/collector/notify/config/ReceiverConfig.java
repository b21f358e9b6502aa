package dev.vigil.collector.notify.config;

import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.Receiver;
import dev.vigil.collector.notify.alertmanager.AlertmanagerReceiver;
import dev.vigil.collector.notify.email.EmailReceiver;
import dev.vigil.collector.notify.email.SmtpSettings;
import dev.vigil.collector.notify.webhook.WebhookReceiver;
import dev.vigil.collector.notify.webhook.WebhookSigner;
import java.net.URI;
import java.time.InstantSource;
import java.util.Optional;

/** One receiver as the notifications file describes it; built once the collector has a clock. */
public sealed interface ReceiverConfig {
  /** The name policies use. */
  String name();

  /** The receiver, signing and stamping with {@code clock}, posting JSON through {@code post}. */
  Receiver build(InstantSource clock, JsonPost post);

  /** Posts to Alertmanager's API v2. */
  record Alertmanager(String name, URI url, Optional<URI> collectorUrl) implements ReceiverConfig {
    @Override
    public Receiver build(InstantSource clock, JsonPost post) {
      return new AlertmanagerReceiver(
          name, url, collectorUrl, post, clock, AlertmanagerReceiver.FIRING_VALIDITY);
    }
  }

  /** Posts signed JSON; {@code secret} is the HMAC key read from the secret file. */
  record Webhook(String name, URI url, byte[] secret) implements ReceiverConfig {
    @Override
    public Receiver build(InstantSource clock, JsonPost post) {
      return new WebhookReceiver(name, url, new WebhookSigner(secret), clock, post);
    }
  }

  /** Sends plain-text email over SMTP. */
  record Email(String name, SmtpSettings settings) implements ReceiverConfig {
    @Override
    public Receiver build(InstantSource clock, JsonPost post) {
      return new EmailReceiver(name, settings, clock);
    }
  }
}
