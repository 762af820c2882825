-- Migration planned by SchemaFirst (postgres): 6 changes, 6 statements.
-- from sha256:42dc5fc0994f10fb7a9a7e1ac918b87e74692d1bdd8a5c20e1228bee27697772
-- to   sha256:b06d5b86ac3c285e93753e4493d234a37987961be0c0090bfb6474f4114b331b
-- hazards: LK101 x4, MF102 x1

-- drop index public.events_at_idx
DROP INDEX public.events_at_idx;

-- drop index public.events_kind_idx
DROP INDEX public.events_kind_idx;

-- add index public.events_kind_idx
-- hazard LK101: building the index blocks writes to public.events until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX events_kind_idx ON public.events USING btree (kind, at DESC);

-- add index public.events_cover_idx
-- hazard LK101: building the index blocks writes to public.events until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX events_cover_idx ON public.events USING btree (at) INCLUDE (kind);

-- add index public.events_kind_lower_idx
-- hazard LK101: building the index blocks writes to public.events until it is done; --concurrent-indexes builds it CONCURRENTLY
-- hazard MF102: fails if public.events holds duplicate values in the indexed columns
CREATE UNIQUE INDEX events_kind_lower_idx ON public.events USING btree ((lower(kind))) WHERE (at is not null);

-- add index public.events_payload_idx
-- hazard LK101: building the index blocks writes to public.events until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX events_payload_idx ON public.events USING gin (payload);
