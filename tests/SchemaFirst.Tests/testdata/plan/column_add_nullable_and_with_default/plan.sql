-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:efaf00a10dd9c0d1ca662c31342766a6d742b3d6c2a6d584d6b97ca877abfe9c

-- add column public.customers.email
ALTER TABLE public.customers ADD COLUMN email text;

-- add column public.customers.active
ALTER TABLE public.customers ADD COLUMN active boolean DEFAULT true NOT NULL;
