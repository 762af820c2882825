CREATE TABLE jobs (id integer PRIMARY KEY, state text DEFAULT 'new', tries integer, created timestamptz);
