CREATE TABLE t (id integer PRIMARY KEY, b integer CONSTRAINT b_positive CHECK (b > 0));
