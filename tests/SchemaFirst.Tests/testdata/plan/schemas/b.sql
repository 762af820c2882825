CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'money';
CREATE TABLE billing.invoices (id integer PRIMARY KEY, customer_id integer REFERENCES public.customers (id));
