-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:fdfbbbd37baf56fce5adb67fd7b2779da91969e1b31c52e6f15d4246061a07c6
-- to   sha256:5eed49b343f7ecdc5b7bf8308a7113fd828ba2ba938f585b6250553ca8eb5584
-- hazards: LK101 x2, MF102 x1

-- add index public.t_created_desc
-- hazard LK101: building the index blocks writes to public.t until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t_created_desc ON public.t USING btree (created DESC NULLS LAST, id);

-- add index public.t_lower_email
-- hazard LK101: building the index blocks writes to public.t until it is done; --concurrent-indexes builds it CONCURRENTLY
-- hazard MF102: fails if public.t holds duplicate values in the indexed columns
CREATE UNIQUE INDEX t_lower_email ON public.t USING btree ((lower(email)));
