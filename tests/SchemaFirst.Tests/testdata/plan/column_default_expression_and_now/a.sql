CREATE TABLE t (id integer PRIMARY KEY, created timestamptz, day date, n numeric);
