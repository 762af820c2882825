-- Migration planned by SchemaFirst (postgres): 2 changes, 3 statements.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:25faf6ecffb021d9b3207e1530001bd0bc1c0f5bcd3848f214be4fc5bdc4a930

-- add function public.double_it(integer)
SET check_function_bodies = false;

CREATE FUNCTION public.double_it(x integer) RETURNS integer
    LANGUAGE sql
    IMMUTABLE
    AS $$ SELECT x * 2 $$;

-- add view public.doubled
CREATE VIEW public.doubled AS
  select public.double_it(t.id) as d
  from public.t;
