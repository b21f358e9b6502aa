-- the fleet: every host heard from, so that a restarted collector remembers silent hosts
-- One row per host name. labels (a JSON object), agent_version and os are from its latest Hello.
-- state is its connection's: UP (a stream delivers it), SHUT_DOWN (its last stream ended with a
-- Goodbye) or LOST (without one), since state_changed_at. Times are epoch milliseconds.
CREATE TABLE fleet_host (
  name TEXT PRIMARY KEY,
  labels TEXT NOT NULL,
  agent_version TEXT NOT NULL,
  os TEXT NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('UP', 'SHUT_DOWN', 'LOST')),
  state_changed_at BIGINT NOT NULL
);
