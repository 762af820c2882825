CREATE TABLE t (id integer PRIMARY KEY, v text);
CREATE VIEW t_ids AS SELECT id FROM t;
CREATE VIEW t_even AS SELECT id FROM t_ids WHERE id % 2 = 0;
COMMENT ON VIEW t_even IS 'Even ids only';
COMMENT ON COLUMN t_even.id IS 'The id';
