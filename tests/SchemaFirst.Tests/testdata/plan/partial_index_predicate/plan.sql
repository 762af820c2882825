-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:f5f4914aec49c2dc0043b37c1257434385d5b21ab1fecc0ba525e37b65c930e1
-- to   sha256:31309f68db73b1e574df8e82c225bba3f7be803a1ed98c5563fe630ebee5b23c
-- hazards: LK101 x1

-- drop index public.t_live
DROP INDEX public.t_live;

-- add index public.t_live
-- hazard LK101: building the index blocks writes to public.t until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t_live ON public.t USING btree (id) WHERE (deleted is not true);
