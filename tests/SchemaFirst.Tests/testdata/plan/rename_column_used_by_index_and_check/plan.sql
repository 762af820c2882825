-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:d304baa1f4daa026f0762b405b434107f0a680be71a22600d2e927d6d1f94b65
-- to   sha256:f95519bd2bc2716731dba42d97a6ac9e05f0796997e4ea26d8695017f5a8f496
-- hazards: BC101 x1, LK103 x1, MF104 x1

-- drop constraint t_qty_check on public.t
ALTER TABLE public.t DROP CONSTRAINT t_qty_check;

-- rename column public.t.qty to quantity
-- hazard BC101: code that still uses column qty fails once this runs
ALTER TABLE public.t RENAME COLUMN qty TO quantity;

-- add constraint t_quantity_check on public.t
-- hazard MF104: fails if rows of public.t violate the check
-- hazard LK103: checks every row of public.t while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.t ADD CONSTRAINT t_quantity_check CHECK (quantity >= 0);
