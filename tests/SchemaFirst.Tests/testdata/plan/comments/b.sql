CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE INDEX customers_name_idx ON customers (name);
COMMENT ON TABLE customers IS 'People who buy.';
COMMENT ON COLUMN customers.id IS 'key';
COMMENT ON INDEX customers_name_idx IS 'for search';
COMMENT ON CONSTRAINT customers_pkey ON customers IS 'the key';
