-- 0002: the persistent outbound queue (house rule 14). Every transaction-related CALL is written here before it is
-- sent and deleted only after the CSMS answered; the message id is stored so a retry after a reboot reuses it
-- (Part 4 §4.1.4). Times are UTC ticks (100 ns since 0001-01-01): in sqlite3,
--   datetime((enqueued_utc_ticks - 621355968000000000) / 10000000, 'unixepoch').
CREATE TABLE outbound_queue (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,   -- delivery order, never reused
    message_id           TEXT    NOT NULL UNIQUE,
    action               TEXT    NOT NULL,
    payload              BLOB    NOT NULL,                    -- UTF-8 JSON; CAST(payload AS TEXT) to read
    kind                 INTEGER NOT NULL,                    -- OutboundMessageKind: 0 other, 1 Started, 2 Updated, 3 Ended, 4 security event
    transaction_id       TEXT,
    droppable            INTEGER NOT NULL,                    -- 1: periodic/clock Updated, may be thinned for space (J02.FR.12)
    transactional        INTEGER NOT NULL,                    -- 1: kept offline regardless of QueueAllMessages
    max_attempts         INTEGER NOT NULL,
    retry_interval_ms    INTEGER NOT NULL,
    enqueued_utc_ticks   INTEGER NOT NULL,
    failed_attempts      INTEGER NOT NULL DEFAULT 0,
    not_before_utc_ticks INTEGER NOT NULL
) STRICT;

-- Capacity thinning scans only the droppable rows, oldest first.
CREATE INDEX outbound_queue_droppable ON outbound_queue (seq) WHERE droppable = 1;

-- What left the queue without the CSMS accepting it, for support bundles (capped by the application).
CREATE TABLE outbound_discard (
    id                 INTEGER PRIMARY KEY,
    discarded_utc_ticks INTEGER NOT NULL,
    reason             TEXT    NOT NULL,                      -- OutboundDiscardReason name
    message_id         TEXT    NOT NULL,
    action             TEXT    NOT NULL,
    kind               INTEGER NOT NULL,
    transaction_id     TEXT,
    failed_attempts    INTEGER NOT NULL,
    enqueued_utc_ticks INTEGER NOT NULL,
    payload            BLOB                                   -- kept unless thinned for space (billing evidence)
) STRICT;

-- Totals since the store was created; the discard log above is capped, these are not.
CREATE TABLE outbound_counter (
    name  TEXT PRIMARY KEY NOT NULL,
    value INTEGER NOT NULL
) STRICT;
