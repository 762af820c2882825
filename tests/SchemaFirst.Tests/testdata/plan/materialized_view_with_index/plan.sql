-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:35ccb59d05a8944694ed79c886e9a374651edab8318c0049d1e99151c83632e5
-- to   sha256:7b2b660a825b2ac77901f050bd4c2d7ddee25687877a3c45dc90eda3b194d74c
-- hazards: LK101 x1, MF102 x1

-- add materialized view public.mk
CREATE MATERIALIZED VIEW public.mk AS
  select t.k, count(*) as n
  from public.t
  group by t.k;

-- add index public.mk_k
-- hazard LK101: building the index blocks writes to public.mk until it is done; --concurrent-indexes builds it CONCURRENTLY
-- hazard MF102: fails if public.mk holds duplicate values in the indexed columns
CREATE UNIQUE INDEX mk_k ON public.mk USING btree (k);
