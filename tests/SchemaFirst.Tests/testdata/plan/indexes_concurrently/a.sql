CREATE TABLE events (id integer PRIMARY KEY, kind text);
CREATE INDEX events_old_idx ON events (id, kind);
