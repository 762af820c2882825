-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:e1b1afaba999cf8e06b287411f9300d7af10cd1ce29d723a4d918f23906c690a
-- to   sha256:1b66f31805ca13eee5cdd1733cb8ff481f62360d32f1969fc82a760611045c4a
-- hazards: LK101 x2

-- drop index public.t_name_idx
DROP INDEX public.t_name_idx;

-- add index public.t_name_idx
-- hazard LK101: building the index blocks writes to public.t until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t_name_idx ON public.t USING hash (name);

-- add index public.t_name_pattern_idx
-- hazard LK101: building the index blocks writes to public.t until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t_name_pattern_idx ON public.t USING btree (name text_pattern_ops);
