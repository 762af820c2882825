-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:f65c8591d55464d2767c6a818b79863cd6a12c210d9c9085ffcf8847681e75c8
-- to   sha256:a981a70efe3b735d76d8b7c23b9bd33028030318eb2fef514f05911d96b145af
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from text[] to character varying(50)[]
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE character varying(50)[] USING v::text[];
