-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:3c55c7939d32fdd72ebc2cffa2a292dcd8da8b3c0f227389e790b8153d0da24f

-- add type public.qty
CREATE DOMAIN public.qty AS integer DEFAULT 1 NOT NULL
    CONSTRAINT qty_check CHECK (value > 0);

-- add column public.t.q
ALTER TABLE public.t ADD COLUMN q public.qty;
