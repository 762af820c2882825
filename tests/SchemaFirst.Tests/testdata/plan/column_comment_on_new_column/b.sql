CREATE TABLE t (id integer PRIMARY KEY, note text);
COMMENT ON COLUMN t.note IS 'free text';
