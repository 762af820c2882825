-- Migration planned by SchemaFirst (postgres): 2 changes, 4 statements.
-- from sha256:0eba6c431deffb916591d7d55f39737b85e88da7d011fc6fca127ecb020e2b85
-- to   sha256:49fa56001dbbb3357b7f1b5d56d425769e026b8ff1f4c555045dd5cdc1976655
-- hazards: MF103 x1, MF104 x1

-- add constraint orders_total_check on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_total_check CHECK (total >= (0)::numeric) NOT VALID;

-- hazard MF104: fails if existing rows of public.orders violate the constraint (checked without blocking writes)
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check;

-- add constraint orders_customer_id_fkey on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id) NOT VALID;

-- hazard MF103: fails if existing rows of public.orders violate the constraint (checked without blocking writes)
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_id_fkey;
