-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:5a216ab32d254f9d05d48e7732944a23f8660b62b360119d24a392d63d9f5f65
-- to   sha256:d047e5a23f42451d6106b32f1ba1e7204d492f20f271e1e87094f4742457cb13
-- hazards: LK102 x2, LK103 x1, MF103 x1, MF105 x2

-- drop constraint orders_customer_id_fkey on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;

-- modify column public.customers.id: type
-- hazard MF105: fails if a value of public.customers.id cannot be cast from integer to bigint
-- hazard LK102: changing the type rewrites public.customers and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.customers ALTER COLUMN id TYPE bigint USING id::bigint;

-- modify column public.orders.customer_id: type
-- hazard MF105: fails if a value of public.orders.customer_id cannot be cast from integer to bigint
-- hazard LK102: changing the type rewrites public.orders and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.orders ALTER COLUMN customer_id TYPE bigint USING customer_id::bigint;

-- add constraint orders_customer_id_fkey on public.orders
-- hazard MF103: fails if rows of public.orders reference keys missing from public.customers
-- hazard LK103: checks every row of public.orders while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id);
