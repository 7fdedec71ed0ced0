-- 0001: station metadata (key/value facts that must survive restarts, e.g. the boot counter and
-- the last message id prefix). Later features add their own numbered files; never edit a shipped one.
CREATE TABLE station_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
