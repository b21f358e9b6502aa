package dev.vigil.collector.notify.paging;

import java.util.Optional;

/**
 * Whether the hosts a selector chooses page at any time or only inside a time window: {@code
 * {hosts: {role: workstation}, only_in: business-hours}}. The first route whose selector matches a
 * host decides for it; a host no route matches pages at any time.
 *
 * @param hosts the hosts it applies to
 * @param onlyIn the window they page in, or empty for at any time
 */
public record PagingRoute(HostSelector hosts, Optional<WeeklyWindow> onlyIn) {}
