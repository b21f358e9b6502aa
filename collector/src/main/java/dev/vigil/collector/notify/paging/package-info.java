/**
 * When an incident may page: named weekly time windows (business hours), paging routes that let
 * hosts chosen by label page only inside one, and maintenance windows during which the hosts they
 * select page nobody. Pure: the caller supplies the host's labels and the time.
 */
package dev.vigil.collector.notify.paging;
