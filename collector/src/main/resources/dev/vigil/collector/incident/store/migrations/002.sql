-- A notice a receiver refused for good (unknown mailbox, a label it rejects) is parked: kept with
-- its reason for an operator, never claimed again, no longer counted as pending.
ALTER TABLE outbox ADD COLUMN parked_at BIGINT;
