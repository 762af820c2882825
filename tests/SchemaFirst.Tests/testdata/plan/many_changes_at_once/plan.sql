-- Migration planned by SchemaFirst (postgres): 12 changes, 12 statements.
-- from sha256:7bc821d7e8a58e5292ed8ddf176c4f522ce1e8d1455e52f8ee966f5b3d09bf0f
-- to   sha256:aed91a86d54779e01fc13e97c2450bda6bb8dde57785a3b75331526f88aa9173
-- hazards: BC102 x1, DS101 x1, DS104 x1, DS105 x1, LK102 x1, MF102 x1, MF105 x1

-- drop view public.v1
DROP VIEW public.v1;

-- drop table public.old_stuff
-- hazard DS101: table public.old_stuff and the data in it are gone for good
-- hazard BC102: code that still uses table public.old_stuff fails once this runs; deploy the code that stops using it first
DROP TABLE public.old_stuff;

-- drop type public.kind
-- hazard DS104: type public.kind and the data in it are gone for good
DROP TYPE public.kind;

-- add table public.orders
CREATE TABLE public.orders (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    note text,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- add column public.customers.email
ALTER TABLE public.customers ADD COLUMN email text;

-- modify column public.customers.name: type
-- hazard MF105: fails if a value of public.customers.name cannot be cast from text to character varying(100)
-- hazard LK102: changing the type rewrites public.customers and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.customers ALTER COLUMN name TYPE character varying(100);

-- add constraint customers_email_key on public.customers
-- hazard MF102: fails if public.customers holds duplicate values in (email)
ALTER TABLE public.customers ADD CONSTRAINT customers_email_key UNIQUE (email);

-- add index public.orders_customer_idx
CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id);

-- add constraint orders_customer_id_fkey on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id) ON DELETE CASCADE;

-- add view public.v1
CREATE VIEW public.v1 AS
  select customers.name, customers.email
  from public.customers;

-- add view public.v2
CREATE VIEW public.v2 AS
  select orders.id, v1.name
  from ((public.orders join public.customers on ((customers.id = orders.customer_id))) join public.v1 on ((v1.email = customers.email)));

-- drop sequence public.s1
-- hazard DS105: sequence public.s1 (its current value) and the data in it are gone for good
DROP SEQUENCE public.s1;
