CREATE TABLE t (id integer PRIMARY KEY, b integer CONSTRAINT t_b_check CHECK (b > 0));
