-- Migration planned by SchemaFirst (postgres): 7 changes, 7 statements.
-- from sha256:0cdac1b3b58de3bda3ff8c4c83d21842379f7cdfe6cbf4615d72f6383214753b
-- to   sha256:5eafc86fd77105be604959034fe2795b9e94ab1e524c6d4c08c8ef74f816f7a8
-- hazards: LK102 x1, MF105 x1

-- drop view public.v3
DROP VIEW public.v3;

-- drop view public.v2
DROP VIEW public.v2;

-- drop view public.v1
DROP VIEW public.v1;

-- modify column public.t.price: type
-- hazard MF105: fails if a value of public.t.price cannot be cast from numeric(8,2) to numeric(12,2)
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(12,2) USING price::numeric(12,2);

-- add view public.v1
CREATE VIEW public.v1 AS
  select t.id, t.price
  from public.t;

-- add view public.v2
CREATE VIEW public.v2 AS
  select v1.id, (v1.price * (2)::numeric) as twice
  from public.v1;

-- add view public.v3
CREATE VIEW public.v3 AS
  select count(*) as n
  from public.v2;
