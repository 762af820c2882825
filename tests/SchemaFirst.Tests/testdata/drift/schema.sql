-- The source of truth for the drift test: every kind of difference the live database gets is made to one of these.
CREATE TABLE IF NOT EXISTS customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email varchar(200),
    status text DEFAULT 'new'
);
CREATE INDEX customers_email_idx ON customers (email);
COMMENT ON COLUMN customers.name IS 'Full name';

CREATE VIEW active_customers AS SELECT id, name FROM customers WHERE status <> 'gone';

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch();

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY customers_visible ON customers USING (id > 0);

CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer REFERENCES customers (id),
    total numeric(10, 2) CHECK (total >= 0)
);
GRANT SELECT ON orders TO PUBLIC;

CREATE SEQUENCE invoice_no INCREMENT BY 1;
CREATE TABLE invoices (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text COLLATE "C");
CREATE FUNCTION total_of(o integer) RETURNS numeric LANGUAGE sql STABLE AS 'SELECT total FROM orders WHERE id = o';
