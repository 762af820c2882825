CREATE TABLE t (id integer PRIMARY KEY, at timestamptz DEFAULT now(), token text DEFAULT md5(random()::text));
