-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:cdaa99428f5efa954d18f5a74dfd7a797921789b9ec1176fc2504388393ae523
-- to   sha256:62371edda2a6fa1402443c0e0e596159e5b0e44428d63e2024072290974688fa
-- hazards: LK103 x1, MF102 x1, MF103 x1

-- drop constraint stock_product_sku_fkey on public.stock
ALTER TABLE public.stock DROP CONSTRAINT stock_product_sku_fkey;

-- drop constraint products_sku_key on public.products
ALTER TABLE public.products DROP CONSTRAINT products_sku_key;

-- add constraint products_sku_key on public.products
-- hazard MF102: fails if public.products holds duplicate values in (sku)
ALTER TABLE public.products ADD CONSTRAINT products_sku_key UNIQUE NULLS NOT DISTINCT (sku);

-- add constraint stock_product_sku_fkey on public.stock
-- hazard MF103: fails if rows of public.stock reference keys missing from public.products
-- hazard LK103: checks every row of public.stock while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.stock ADD CONSTRAINT stock_product_sku_fkey FOREIGN KEY (product_sku) REFERENCES public.products (sku);
