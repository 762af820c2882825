-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:0819f12af44570f19a9e798f2c97c0b12b23358e068e042e784c828b98fe3a45
-- to   sha256:87e7451b5ee2c1b55039b62ef7c76310c17c6d68692e556501a84a7b7a707517
-- hazards: LK102 x2

-- modify table public.cache: persistence
-- hazard LK102: rewrites public.cache under an ACCESS EXCLUSIVE lock
ALTER TABLE public.cache SET UNLOGGED;

-- modify table public.scratch: persistence
-- hazard LK102: rewrites public.scratch under an ACCESS EXCLUSIVE lock
ALTER TABLE public.scratch SET LOGGED;
