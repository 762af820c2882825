CREATE TABLE t (
    id integer PRIMARY KEY,
    quantity integer CHECK (quantity >= 0) -- schemafirst:renamed-from qty
);
CREATE INDEX t_qty_idx ON t (quantity);
