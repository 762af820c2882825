-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:f51480ed8fe43443cafcd6133632f79c6a3139e77ecce63a70c35e45b3a40b30
-- to   sha256:4a2cd81b5548e5b2ea60290f869fa43b1ed4729c7e1a3b2d58f5d8fa3210d7f6
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from character varying(20) to text
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE text;
