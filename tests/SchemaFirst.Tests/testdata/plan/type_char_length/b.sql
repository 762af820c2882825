CREATE TABLE t (id integer PRIMARY KEY, v char(3));
