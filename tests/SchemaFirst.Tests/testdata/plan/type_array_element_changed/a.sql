CREATE TABLE t (id integer PRIMARY KEY, tags varchar(20)[], scores integer[]);
