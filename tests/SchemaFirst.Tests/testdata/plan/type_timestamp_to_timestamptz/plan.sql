-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:100317a4fed6cf6e4c5893981965402242d377f33a0f9c7c1b5acba2b7bb4397
-- to   sha256:851bf7eb91fc5a43dbca6829e59e5ef683d209f49ad1eda6eefbc3e19e046af9
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from timestamp without time zone to timestamp with time zone
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE timestamp with time zone USING v::timestamp with time zone;
