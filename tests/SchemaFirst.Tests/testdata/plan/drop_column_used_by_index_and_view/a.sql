CREATE TABLE t (id integer PRIMARY KEY, a text, b text);
CREATE INDEX t_a_idx ON t (a);
CREATE VIEW v AS SELECT t.id, t.a FROM t;
