-- incidents, their audit trail and the notification outbox
-- ${identity} stands for the dialect's self-numbering key column. Times are epoch milliseconds.
-- One unresolved incident per dedupe key (a partial unique index), any number of resolved ones.
-- One outbox row per change and receiver (unique event_id, receiver).
CREATE TABLE incident (
  id ${identity},
  dedupe_key TEXT NOT NULL,
  host TEXT NOT NULL,
  rule TEXT NOT NULL,
  labels TEXT NOT NULL,
  severity TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
  summary TEXT NOT NULL,
  runbook_url TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  changed_at BIGINT NOT NULL,
  acknowledged_at BIGINT,
  resolved_at BIGINT,
  flaps INTEGER NOT NULL,
  tier INTEGER NOT NULL
);
CREATE UNIQUE INDEX incident_unresolved_key ON incident (dedupe_key) WHERE state <> 'RESOLVED';
CREATE INDEX incident_key_resolved ON incident (dedupe_key, resolved_at);
CREATE INDEX incident_state ON incident (state);
CREATE TABLE incident_event (
  id ${identity},
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  happened_at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  comment TEXT NOT NULL
);
CREATE INDEX incident_event_incident ON incident_event (incident_id, id);
CREATE TABLE outbox (
  id ${identity},
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  event_id BIGINT NOT NULL REFERENCES incident_event (id),
  opening INTEGER NOT NULL,
  receiver TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('FIRING', 'ESCALATION', 'RESOLVED')),
  tier INTEGER NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  delivered_at BIGINT,
  last_error TEXT,
  UNIQUE (event_id, receiver)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX outbox_incident ON outbox (incident_id, opening);
