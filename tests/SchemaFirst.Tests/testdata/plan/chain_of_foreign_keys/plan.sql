-- Migration planned by SchemaFirst (postgres): 9 changes, 9 statements.
-- from sha256:e5b756eb24acc52be84c459f4caef120d1ea1d451f139d3eec4f1b256fb27440
-- to   sha256:db6c831ac2b39a997c9078ec78dd7218822b4b185cf75e22033c5ecf3e657c9a

-- add table public.b
CREATE TABLE public.b (
    id integer NOT NULL,
    a integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);

-- add table public.c
CREATE TABLE public.c (
    id integer NOT NULL,
    b integer,
    CONSTRAINT c_pkey PRIMARY KEY (id)
);

-- add table public.d
CREATE TABLE public.d (
    id integer NOT NULL,
    c integer,
    CONSTRAINT d_pkey PRIMARY KEY (id)
);

-- add table public.e
CREATE TABLE public.e (
    id integer NOT NULL,
    d integer,
    a integer,
    CONSTRAINT e_pkey PRIMARY KEY (id)
);

-- add constraint b_a_fkey on public.b
ALTER TABLE public.b ADD CONSTRAINT b_a_fkey FOREIGN KEY (a) REFERENCES public.a (id);

-- add constraint c_b_fkey on public.c
ALTER TABLE public.c ADD CONSTRAINT c_b_fkey FOREIGN KEY (b) REFERENCES public.b (id);

-- add constraint d_c_fkey on public.d
ALTER TABLE public.d ADD CONSTRAINT d_c_fkey FOREIGN KEY (c) REFERENCES public.c (id);

-- add constraint e_a_fkey on public.e
ALTER TABLE public.e ADD CONSTRAINT e_a_fkey FOREIGN KEY (a) REFERENCES public.a (id);

-- add constraint e_d_fkey on public.e
ALTER TABLE public.e ADD CONSTRAINT e_d_fkey FOREIGN KEY (d) REFERENCES public.d (id);
