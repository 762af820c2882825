-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:2f8cb1fb4ce33b03062cfa55a4290a601b5b5a0def35640d749f37fb44b40e2d
-- to   sha256:af84976b82fdbeea218f02fd2a97e64b7fc0a744fbad0ad12ae6ceeeccb539a7

-- add table public.b
CREATE TABLE public.b (
    id bigint DEFAULT nextval('public.shared_ids'::regclass) NOT NULL,
    a_id bigint,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);

-- add constraint b_a_id_fkey on public.b
ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a (id);
