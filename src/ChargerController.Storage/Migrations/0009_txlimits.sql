-- Transaction facts a power loss must not erase (house rule 14, E17): the E16 limits and the CSMS running cost, the
-- MaxEnergyOnInvalidId budget (E05.FR.02/03), the cableMaxCurrent already reported, and the TxEnded sampled values
-- collected for the Ended event (J02). Rows written before this migration get NULL / 0: no limit, nothing collected.
ALTER TABLE open_transaction ADD COLUMN limit_max_energy_wh   REAL;
ALTER TABLE open_transaction ADD COLUMN limit_max_time_s      INTEGER;
ALTER TABLE open_transaction ADD COLUMN limit_max_cost        TEXT;     -- decimal as invariant text: no binary rounding of money
ALTER TABLE open_transaction ADD COLUMN running_cost          TEXT;
ALTER TABLE open_transaction ADD COLUMN limit_reached         TEXT;     -- triggerReason that suspended the energy
ALTER TABLE open_transaction ADD COLUMN invalid_id_since_wh   REAL;
ALTER TABLE open_transaction ADD COLUMN invalid_id_exhausted  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE open_transaction ADD COLUMN cable_max_current_a   INTEGER;
ALTER TABLE open_transaction ADD COLUMN ended_values          TEXT;     -- MeterValuesRequest JSON with the TxEnded samples
