-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:fe06518271ad720287318f1c51bc1069b59490a01cf3005ea2be7fa0708b6ab6

-- add schema billing
CREATE SCHEMA billing;

-- add table billing.invoices
CREATE TABLE billing.invoices (
    id integer NOT NULL,
    customer_id integer,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);

-- add constraint invoices_customer_id_fkey on billing.invoices
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id);

-- modify comment on schema billing
COMMENT ON SCHEMA billing IS 'money';
