CREATE TABLE jobs (id integer PRIMARY KEY, state text DEFAULT 'queued', tries integer DEFAULT 0, created timestamptz DEFAULT now());
