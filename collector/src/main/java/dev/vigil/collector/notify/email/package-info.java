/**
 * The email receiver: a plain-text message over SMTP (Jakarta Mail, Eclipse Angus), with the
 * runbook link near the top, optionally over STARTTLS.
 */
package dev.vigil.collector.notify.email;
