CREATE TABLE t (id integer PRIMARY KEY, owner text);
