package dev.vigil.collector.notify;

/**
 * Somewhere a notification goes: Alertmanager, a webhook, a mailbox. Implementations are called
 * from their own delivery thread, one notification at a time, and must bound every network wait.
 */
public interface Receiver {
  /** The name policies and the outbox use for this receiver, unique in the configuration. */
  String name();

  /**
   * Delivers {@code notification}, or says why not.
   *
   * @throws DeliveryException {@linkplain DeliveryException#retryable() retryable} when trying
   *     again later may work (network errors, timeouts, HTTP 5xx and 429, SMTP 4xx), permanent when
   *     it cannot (HTTP 4xx, an address the mail server refuses, a rejected login)
   */
  void deliver(Notification notification) throws DeliveryException;
}
