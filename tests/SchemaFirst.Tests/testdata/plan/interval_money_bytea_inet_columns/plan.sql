-- Migration planned by SchemaFirst (postgres): 7 changes, 7 statements.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:ad1b5c9ac86234fdd3fb9ae80fb4b6bc9f023aa6c35aafcac2ed35206e61a1b9

-- add column public.t.span
ALTER TABLE public.t ADD COLUMN span interval DEFAULT '1 day'::interval;

-- add column public.t.price
ALTER TABLE public.t ADD COLUMN price money;

-- add column public.t.blob
ALTER TABLE public.t ADD COLUMN blob bytea;

-- add column public.t.ip
ALTER TABLE public.t ADD COLUMN ip inet;

-- add column public.t.mac
ALTER TABLE public.t ADD COLUMN mac macaddr;

-- add column public.t.bits
ALTER TABLE public.t ADD COLUMN bits bit varying(8);

-- add column public.t.ts
ALTER TABLE public.t ADD COLUMN ts timestamp(3) with time zone;
