CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c integer);
CREATE INDEX t_a_idx ON t (a);
