CREATE TABLE t (id integer PRIMARY KEY, parent integer);
