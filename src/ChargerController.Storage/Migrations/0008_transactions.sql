-- 0004: open transactions (house rule 14, E17). One row per running transaction, removed once its Ended event is in the
-- outbound queue. A TransactionEvent is journaled here (pending_*) before it is queued and marked queued after
-- (enqueued_seq_no), so a restart finds an event that may not have reached the queue and queues it again: the CSMS
-- may see a duplicate with the same content, never a gap in seqNo. Times are UTC ticks as in 0002.
CREATE TABLE open_transaction (
    transaction_id        TEXT    PRIMARY KEY NOT NULL,
    evse_id               INTEGER NOT NULL,
    connector_id          INTEGER NOT NULL,
    started_utc_ticks     INTEGER NOT NULL,
    next_seq_no           INTEGER NOT NULL,
    pending_seq_no        INTEGER NOT NULL,
    pending_payload       TEXT,                               -- TransactionEventRequest JSON until known to be queued
    pending_is_ended      INTEGER NOT NULL,
    enqueued_seq_no       INTEGER NOT NULL,
    id_token              TEXT,
    id_token_type         TEXT,
    charging_state        TEXT,
    last_event_utc_ticks  INTEGER NOT NULL,                   -- last moment known alive with it (E17.FR.02)
    meter_start_wh        REAL
) STRICT;
