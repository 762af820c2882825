-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:5a216ab32d254f9d05d48e7732944a23f8660b62b360119d24a392d63d9f5f65
-- to   sha256:2aa7a957668e3e5b5273d039d64663dd6af44342434d0baddea9b70bdc9b596b
-- hazards: LK103 x1, MF103 x1

-- drop constraint orders_customer_id_fkey on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_customer_id_fkey;

-- add constraint orders_customer_id_fkey on public.orders
-- hazard MF103: fails if rows of public.orders reference keys missing from public.customers
-- hazard LK103: checks every row of public.orders while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id) ON UPDATE RESTRICT ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
