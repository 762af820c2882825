-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:85a4278b7d5bb798189ea0e19a17bdd9f8d751ee8b29d7171f5b5c70ec8e7a34
-- to   sha256:d5b9a48c4589237a3a9c378abe8070c6c5f78fbd028c4ad434b94ccf94fdc616

-- These statements cannot run inside the transaction; they run first, one by one.

-- drop index public.events_old_idx
DROP INDEX CONCURRENTLY public.events_old_idx;

-- The rest runs in one transaction.

-- These statements run after the transaction commits, one by one.

-- add index public.events_kind_idx
CREATE INDEX CONCURRENTLY events_kind_idx ON public.events USING btree (kind);
