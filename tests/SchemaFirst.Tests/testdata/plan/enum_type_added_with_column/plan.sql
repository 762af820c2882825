-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:f66d2431217bbef5b4dd2619a0d2074624e85b085c9299a3568e7b093e86b92f

-- add type public.tier
CREATE TYPE public.tier AS ENUM ('free', 'pro');

-- add column public.customers.tier
ALTER TABLE public.customers ADD COLUMN tier public.tier DEFAULT 'free'::public.tier NOT NULL;
