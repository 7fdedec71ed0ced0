-- 0004: authorization cache (C10, C10.FR.02) and local authorization list (D01, D01.FR.10).
-- Tokens are keyed by (id_token, id_token_type) as C01.FR.25 compares them; the full IdTokenType/IdTokenInfoType are
-- kept as their OCPP JSON so every field survives (C10.FR.14) without a column per field.
CREATE TABLE auth_cache (
    id_token          TEXT NOT NULL,
    id_token_type     TEXT NOT NULL,
    id_token_json     TEXT NOT NULL,
    info_json         TEXT NOT NULL,
    updated_at_ms     INTEGER NOT NULL,
    last_used_at_ms   INTEGER NOT NULL,
    use_count         INTEGER NOT NULL,
    PRIMARY KEY (id_token, id_token_type)
) STRICT;

CREATE TABLE local_auth_list (
    id_token          TEXT NOT NULL,
    id_token_type     TEXT NOT NULL,
    entry_json        TEXT NOT NULL,
    PRIMARY KEY (id_token, id_token_type)
) STRICT;

-- One row: the list's version number (0 = never sent, D02.FR.02).
CREATE TABLE local_auth_list_version (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    version           INTEGER NOT NULL
) STRICT;
