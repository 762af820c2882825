CREATE TABLE t (id integer PRIMARY KEY, qty integer CHECK (qty >= 0));
CREATE INDEX t_qty_idx ON t (qty);
INSERT INTO t VALUES (1, 5);
