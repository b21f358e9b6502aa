package dev.vigil.collector.incident;

import java.util.Objects;

/**
 * An open incident (nobody has acknowledged it) with where its paging stands: what the escalation
 * timer needs of it, read for every such incident in one query.
 *
 * @param incident the incident, in state {@link IncidentState#OPEN}
 * @param paging held, or paging since when
 */
public record OpenIncident(Incident incident, PagingHistory paging) {
  public OpenIncident {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(paging, "paging");
  }
}
