-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:4a37b573df0fca8b174704b2400769fc08f780bab7d3362e3fd1c3997978a1cb

-- add aggregate public.total_of(integer)
SET check_function_bodies = false;

CREATE AGGREGATE public.total_of(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
