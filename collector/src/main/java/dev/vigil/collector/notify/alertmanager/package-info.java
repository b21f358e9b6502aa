/** The Alertmanager receiver: incidents posted to Alertmanager's API v2 as alerts. */
package dev.vigil.collector.notify.alertmanager;
