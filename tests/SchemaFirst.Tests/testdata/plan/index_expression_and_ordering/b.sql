CREATE TABLE t (id integer PRIMARY KEY, email text, created timestamptz);
CREATE UNIQUE INDEX t_lower_email ON t (lower(email));
CREATE INDEX t_created_desc ON t (created DESC NULLS LAST, id);
