CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
CREATE POLICY customers_read ON customers FOR SELECT USING (id > 0);
CREATE POLICY customers_write ON customers AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (name <> '');
