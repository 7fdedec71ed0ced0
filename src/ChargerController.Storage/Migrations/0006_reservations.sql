-- 0004: open reservations (OCPP block H), so a reserved EVSE stays reserved across reset and power loss (TC_B_24).
-- expiry_unix_ms: ReserveNowRequest.expiryDateTime in UTC milliseconds; evse_id NULL = any EVSE (or any EVSE with
-- connector_type); group columns NULL when the reservation has no groupIdToken.
CREATE TABLE reservation (
    id                   INTEGER PRIMARY KEY NOT NULL,
    expiry_unix_ms       INTEGER NOT NULL,
    id_token             TEXT NOT NULL,
    id_token_type        TEXT NOT NULL,
    group_id_token       TEXT,
    group_id_token_type  TEXT,
    evse_id              INTEGER,
    connector_type       TEXT
) STRICT;
