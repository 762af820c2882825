CREATE DOMAIN qty AS integer DEFAULT 1 CONSTRAINT qty_positive CHECK (VALUE > 0);
CREATE TABLE t (id integer PRIMARY KEY, n qty);
