CREATE TABLE events (id integer PRIMARY KEY, kind text, at timestamptz, payload jsonb);
CREATE INDEX events_kind_idx ON events (kind, at DESC);
CREATE UNIQUE INDEX events_kind_lower_idx ON events (lower(kind)) WHERE at IS NOT NULL;
CREATE INDEX events_payload_idx ON events USING gin (payload);
CREATE INDEX events_cover_idx ON events (at) INCLUDE (kind);
