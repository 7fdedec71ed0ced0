-- 0011: tariffs and local cost calculation (OCPP 2.1 block I).
-- default_tariff: default tariffs per EVSE (I07.FR.13); SetDefaultTariff with evseId 0 stores one row per EVSE.
-- sequence orders installations (a later one replaces an earlier one, I07.FR.22); tariff_json is the TariffType as received.
CREATE TABLE default_tariff (
    evse_id      INTEGER NOT NULL,
    sequence     INTEGER NOT NULL,
    tariff_id    TEXT NOT NULL,
    tariff_json  TEXT NOT NULL,
    PRIMARY KEY (evse_id, sequence)
) STRICT;

-- transaction_tariff: the tariff of each running transaction and the state of its cost calculation, so a restart
-- continues the calculation (E17). tariff_json is NULL when the CSMS calculates the cost (HandleFailedTariff=CentralCost).
CREATE TABLE transaction_tariff (
    transaction_id  TEXT PRIMARY KEY NOT NULL,
    evse_id         INTEGER NOT NULL,
    tariff_json     TEXT,
    kind            TEXT NOT NULL,
    id_token        TEXT,
    snapshot_json   TEXT
) STRICT;
