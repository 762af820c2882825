-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:e5b18f5c7257abb3135cf22f9fb0260e66b2a49f664668d8801ccec4faa66cb8
-- to   sha256:f16bcf925bf235d4894804d28ce846194f349329af1d14374476e83865a5cda1
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from json to jsonb
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE jsonb USING v::jsonb;
