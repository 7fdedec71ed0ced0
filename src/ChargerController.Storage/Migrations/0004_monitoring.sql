-- 0004: variable monitors installed by the CSMS (SetVariableMonitoring, N07.FR.13: they survive reboots) and
-- tombstones of preconfigured monitors the CSMS cleared (suppressed = 1) until the next SetMonitoringBase.
-- ActiveMonitoringBase/Level and threshold states live in device_model_value.
CREATE TABLE variable_monitor (
    id                  INTEGER PRIMARY KEY NOT NULL,
    component           TEXT NOT NULL,
    component_instance  TEXT,
    evse_id             INTEGER,
    connector_id        INTEGER,
    variable            TEXT NOT NULL,
    variable_instance   TEXT,
    type                TEXT NOT NULL,
    value               TEXT NOT NULL,
    severity            INTEGER NOT NULL,
    origin              TEXT NOT NULL,
    in_transaction      INTEGER NOT NULL DEFAULT 0,
    suppressed          INTEGER NOT NULL DEFAULT 0,
    stream_interval_s   INTEGER,
    stream_values       INTEGER
) STRICT;
