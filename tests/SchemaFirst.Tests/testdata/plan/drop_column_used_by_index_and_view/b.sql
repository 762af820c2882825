CREATE TABLE t (id integer PRIMARY KEY, b text);
CREATE VIEW v AS SELECT t.id, t.b FROM t;
