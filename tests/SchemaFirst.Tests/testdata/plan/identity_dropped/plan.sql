-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:1444127ad393ea87d3d18b7ab2afdd78f065fc5550a7ed3a7ca39ae9cbb4ac60
-- to   sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0

-- modify column public.t.id: identity
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;
