-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:18d2d89285e3e6786ac80e73e94ab5888096303a1108196d924b8b54d5daff33
-- to   sha256:f5f5a39ed1a79f0cfbc1325ade7738ad93a0c1a8f4cb2d2d9c2ada3bfb3afc85
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from numeric(8,2) to numeric(12,4)
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE numeric(12,4) USING v::numeric(12,4);
