CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE INDEX customers_name_idx ON customers (name);
COMMENT ON TABLE customers IS 'old';
COMMENT ON COLUMN customers.name IS 'full name';
