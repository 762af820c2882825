-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:52c5b7c14a5f34e52225b1c5ce52089d40e2a26152b2b31f9f0a4d6e06f153d5
-- to   sha256:ddfb495b24f17057d913b422a1e817f289cd37c4de66d0031fa08e5ca5fa0c09
-- hazards: LK102 x2, MF105 x2

-- modify column public.t.tags: type
-- hazard MF105: fails if a value of public.t.tags cannot be cast from character varying(20)[] to text[]
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN tags TYPE text[] USING tags::text[];

-- modify column public.t.scores: type
-- hazard MF105: fails if a value of public.t.scores cannot be cast from integer[] to bigint[]
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN scores TYPE bigint[] USING scores::bigint[];
