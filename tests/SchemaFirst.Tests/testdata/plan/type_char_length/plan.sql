-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:60f022a4d8167822670a199cb89cfbb0a9e2b25e1cbbc37e053d5a1d0dd1d2c1
-- to   sha256:6dfec95760620722276ceedb1398747e8cc4d5452236e9bb9e4edbf7e4191f34
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from character(2) to character(3)
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE character(3);
