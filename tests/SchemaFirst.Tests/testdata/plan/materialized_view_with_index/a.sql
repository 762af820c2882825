CREATE TABLE t (id integer PRIMARY KEY, k text);
