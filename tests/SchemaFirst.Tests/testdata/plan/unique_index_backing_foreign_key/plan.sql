-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:88675decfb9aa537e7cadc1be0139c3c78afc8284982e90ad262de90f397e0e9
-- to   sha256:a3a700cd1324568b3c0fc215b170f1ea3f80b15fb1a093b57a0b2a37d2f9d3ab

-- add table public.c
CREATE TABLE public.c (
    code text
);

-- add constraint c_code_fkey on public.c
ALTER TABLE public.c ADD CONSTRAINT c_code_fkey FOREIGN KEY (code) REFERENCES public.p (code);
