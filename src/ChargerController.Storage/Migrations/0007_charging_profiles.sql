-- 0004: installed charging profiles (OCPP K01.FR.27: they survive a reboot). One row per profile id (K01.FR.05 replaces).
-- profile = the ChargingProfileType as OCPP JSON; source = chargingLimitSource (CSO for CSMS-set, e.g. EMS for external).
CREATE TABLE charging_profile (
    id            INTEGER PRIMARY KEY NOT NULL,
    evse_id       INTEGER NOT NULL,
    source        TEXT NOT NULL,
    installed_at  TEXT NOT NULL,
    profile       TEXT NOT NULL
) STRICT;
