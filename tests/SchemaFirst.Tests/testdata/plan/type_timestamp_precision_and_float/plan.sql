-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:2e18cacf63bed7ee9e12ab56b37fb26fbd240ea7197c50cd0b849a245d319c93
-- to   sha256:08d989fec62f4c6fae6c926e393696637694eec762136568bb1bc49e500a1bce
-- hazards: LK102 x3, MF105 x3

-- modify column public.m.at: type
-- hazard MF105: fails if a value of public.m.at cannot be cast from timestamp without time zone to timestamp(3) without time zone
-- hazard LK102: changing the type rewrites public.m and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.m ALTER COLUMN at TYPE timestamp(3) without time zone USING at::timestamp(3) without time zone;

-- modify column public.m.v: type
-- hazard MF105: fails if a value of public.m.v cannot be cast from numeric to double precision
-- hazard LK102: changing the type rewrites public.m and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.m ALTER COLUMN v TYPE double precision USING v::double precision;

-- modify column public.m.t: type
-- hazard MF105: fails if a value of public.m.t cannot be cast from time without time zone to time(0) with time zone
-- hazard LK102: changing the type rewrites public.m and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.m ALTER COLUMN t TYPE time(0) with time zone USING t::time(0) with time zone;
