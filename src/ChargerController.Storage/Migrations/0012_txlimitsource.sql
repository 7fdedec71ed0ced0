-- E16.FR.04: the limits the CSMS set for a transaction are the ceiling for any limit the station sets afterwards (the
-- driver, the payment terminal, a configured default), across a power loss too. Rows written before: NULL = none set.
ALTER TABLE open_transaction ADD COLUMN csms_max_energy_wh    REAL;
ALTER TABLE open_transaction ADD COLUMN csms_max_time_s       INTEGER;
ALTER TABLE open_transaction ADD COLUMN csms_max_cost         TEXT;     -- decimal as invariant text
