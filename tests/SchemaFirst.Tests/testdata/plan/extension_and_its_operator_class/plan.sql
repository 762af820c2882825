-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:9f844abf33691bb869a94813ee44c3271fd9d5c843cd402b86ffd18e4c9c0823
-- to   sha256:5095ba4c3df01b1ee33f968c0966cf98879fb4021b1398451a1accb3103b269a
-- hazards: LK101 x1

-- add extension pg_trgm
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- add index public.docs_body_trgm
-- hazard LK101: building the index blocks writes to public.docs until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX docs_body_trgm ON public.docs USING gin (body public.gin_trgm_ops);
