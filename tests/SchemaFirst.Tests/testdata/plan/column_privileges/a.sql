CREATE TABLE t (id integer PRIMARY KEY, secret text, public_name text);
GRANT SELECT ON t TO PUBLIC;
