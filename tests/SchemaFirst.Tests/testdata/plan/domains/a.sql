CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE t (id integer PRIMARY KEY);
