-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:769562a80de069744a49c47fae1a9336ecc27def2d21b5e33afc65a305588223
-- to   sha256:03c4f5b9843a68186213ce81b778d4414e80c95dce99890dd09575abca559858
-- hazards: BC102 x1, DS102 x1

-- drop view public.v
DROP VIEW public.v;

-- drop index public.t_a_idx
DROP INDEX public.t_a_idx;

-- drop column public.t.a
-- hazard DS102: column public.t.a and the data in it are gone for good
-- hazard BC102: code that still uses column a fails once this runs; deploy the code that stops using it first
ALTER TABLE public.t DROP COLUMN a;

-- add view public.v
CREATE VIEW public.v AS
  select t.id, t.b
  from public.t;
