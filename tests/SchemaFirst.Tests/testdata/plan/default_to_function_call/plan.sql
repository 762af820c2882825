-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:7d634ae6de8036a73f918342320b6f293707c3c4ccde67281f6ff7d3b32e6f61
-- to   sha256:2849636854ae34dac13d26f3690849ee3d14d82ee8260ea77f9975783c25aed1

-- modify column public.t.at: default
ALTER TABLE public.t ALTER COLUMN at SET DEFAULT now();

-- modify column public.t.token: default
ALTER TABLE public.t ALTER COLUMN token SET DEFAULT md5((random())::text);
