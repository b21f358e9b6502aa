-- retention: resolved incidents are deleted some time after they resolved (--incident-retention),
-- oldest first; this index finds them without reading the whole table.
CREATE INDEX incident_resolved_at ON incident (resolved_at) WHERE state = 'RESOLVED';
