-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:0ec726112e44b7f5e1235e5fcde3da0fe653a7665ebf6157385b750c10e7bec8
-- to   sha256:cb95102138376be580d7b3c62102a020e6325b70956716d6b6c9dbb8883d48c2
-- hazards: LK101 x2, MF102 x1

-- drop index public.t_a_idx
DROP INDEX public.t_a_idx;

-- add index public.t_a_idx
-- hazard LK101: building the index blocks writes to public.t until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t_a_idx ON public.t USING btree (a) INCLUDE (b, c);

-- add index public.t_b_key
-- hazard LK101: building the index blocks writes to public.t until it is done; --concurrent-indexes builds it CONCURRENTLY
-- hazard MF102: fails if public.t holds duplicate values in the indexed columns
CREATE UNIQUE INDEX t_b_key ON public.t USING btree (b) NULLS NOT DISTINCT;
