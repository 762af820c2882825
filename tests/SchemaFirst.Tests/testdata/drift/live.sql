-- What happened to the live database after it was made from schema.sql: a table created earlier by hand (so the
-- source's CREATE TABLE IF NOT EXISTS did nothing), then changes made outside the source.
DROP VIEW active_customers;
DROP TABLE orders;
DROP TABLE customers;
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text,
    email text,
    status text DEFAULT 'old',
    fax text
);
CREATE INDEX customers_email_idx ON customers (email, name);
COMMENT ON COLUMN customers.name IS 'Name';
CREATE VIEW active_customers AS SELECT id, name FROM customers WHERE status <> 'deleted';
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY customers_visible ON customers USING (id > 1);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer,
    total numeric(10, 2) CHECK (total > 0)
);
CREATE TABLE legacy_import (id integer);
