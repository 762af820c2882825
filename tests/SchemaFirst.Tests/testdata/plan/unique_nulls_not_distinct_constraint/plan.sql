-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:88b007d844fa73f40a67a8be864fbadd785e2354179146bf956988d9f1feb245
-- to   sha256:eaef3e1b0b3455f3e8ac1a140637ccd343e85c958edde75c6d9d78c471beec20
-- hazards: MF102 x1

-- drop constraint t_code_key on public.t
ALTER TABLE public.t DROP CONSTRAINT t_code_key;

-- add constraint t_code_key on public.t
-- hazard MF102: fails if public.t holds duplicate values in (code)
ALTER TABLE public.t ADD CONSTRAINT t_code_key UNIQUE NULLS NOT DISTINCT (code);
