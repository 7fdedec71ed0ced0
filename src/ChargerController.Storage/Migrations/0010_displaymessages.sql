-- 0010: the messages the CSMS set with SetDisplayMessage (OCPP block O), kept across reboot and power loss (O01.FR.10).
-- message_json: the MessageInfoType exactly as received (contents, languages, times, display). The other columns are
-- copies for inspection with the sqlite3 shell; transaction_id is NULL for messages not bound to a transaction.
CREATE TABLE display_message (
    id              INTEGER PRIMARY KEY NOT NULL,
    priority        TEXT NOT NULL,
    state           TEXT,
    end_unix_ms     INTEGER,
    transaction_id  TEXT,
    message_json    TEXT NOT NULL
) STRICT;
