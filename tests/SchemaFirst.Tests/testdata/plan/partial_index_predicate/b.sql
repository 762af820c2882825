CREATE TABLE t (id integer PRIMARY KEY, deleted boolean);
CREATE INDEX t_live ON t (id) WHERE deleted IS NOT TRUE;
