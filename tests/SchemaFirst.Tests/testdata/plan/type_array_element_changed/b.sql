CREATE TABLE t (id integer PRIMARY KEY, tags text[], scores bigint[]);
