-- the collector whose stream delivers a host, for collectors sharing one database
-- collector names the collector that recorded the host UP (its host name and ingest port), so a
-- collector restarting takes only its own hosts as lost, releases only hosts it holds, and knows a
-- host lost here is up on another collector. NULL on rows from before this migration.
ALTER TABLE fleet_host ADD COLUMN collector TEXT;
