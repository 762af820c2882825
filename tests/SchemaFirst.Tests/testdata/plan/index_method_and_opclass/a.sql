CREATE TABLE t (id integer PRIMARY KEY, name text);
CREATE INDEX t_name_idx ON t (name);
