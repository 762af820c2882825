CREATE TABLE events (id integer PRIMARY KEY, kind text, at timestamptz, payload jsonb);
CREATE INDEX events_kind_idx ON events (kind);
CREATE INDEX events_at_idx ON events (at);
