-- 0002: device-model values that differ from their initial value (SetVariables, ChangeAvailability state).
-- key = VariableKey.ToStorageKey() (upper case, e.g. OCPPCOMMCTRLR/HEARTBEATINTERVAL) or a '~' station-internal name.
CREATE TABLE device_model_value (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL
) STRICT;
