-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:c6507dd75081ce376901bea8101c94aa89400d3831418a9768075067a1349e13

-- add type public.floatrange
CREATE TYPE public.floatrange AS RANGE (subtype = double precision);

-- add column public.t.r
ALTER TABLE public.t ADD COLUMN r public.floatrange;
