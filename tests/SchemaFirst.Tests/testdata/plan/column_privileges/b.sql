CREATE TABLE t (id integer PRIMARY KEY, secret text, public_name text);
GRANT SELECT (id, public_name) ON t TO PUBLIC;
