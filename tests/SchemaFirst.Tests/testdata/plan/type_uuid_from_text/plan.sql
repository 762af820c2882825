-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:4a2cd81b5548e5b2ea60290f869fa43b1ed4729c7e1a3b2d58f5d8fa3210d7f6
-- to   sha256:5fc4812af0a30c5bf04b82488aa57f1d0a17cf9275e56eff93d739f0cfac3625
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from text to uuid
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE uuid USING v::uuid;
