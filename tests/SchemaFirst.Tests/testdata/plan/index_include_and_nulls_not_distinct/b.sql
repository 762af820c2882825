CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c integer);
CREATE INDEX t_a_idx ON t (a) INCLUDE (b, c);
CREATE UNIQUE INDEX t_b_key ON t (b) NULLS NOT DISTINCT;
