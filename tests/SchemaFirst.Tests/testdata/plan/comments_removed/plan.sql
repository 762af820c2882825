-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:54bb41be295b1c49ff66001a00312d6cbf7dfacc3fb56bba2410e09a0bd0062c
-- to   sha256:4a2cd81b5548e5b2ea60290f869fa43b1ed4729c7e1a3b2d58f5d8fa3210d7f6

-- modify comment on table public.t
COMMENT ON TABLE public.t IS NULL;

-- modify comment on column public.t.v
COMMENT ON COLUMN public.t.v IS NULL;
