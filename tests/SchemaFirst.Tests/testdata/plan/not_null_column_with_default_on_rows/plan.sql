-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:b39835c9b4468f5b4de60d9c73ee59a5345684d1dfcf9cf76325b1a926aef95a

-- add column public.t.status
ALTER TABLE public.t ADD COLUMN status text DEFAULT 'active'::text NOT NULL;
