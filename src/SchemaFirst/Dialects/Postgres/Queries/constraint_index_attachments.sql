-- Indexes behind constraints of partitions that are attached to their parent's constraint index.
SELECT pn.nspname AS parent_schema, pc.relname AS parent_index, cn.nspname AS child_schema, cc.relname AS child_index
FROM pg_catalog.pg_inherits inh
JOIN pg_catalog.pg_class cc ON cc.oid = inh.inhrelid AND cc.relkind IN ('i', 'I')
JOIN pg_catalog.pg_namespace cn ON cn.oid = cc.relnamespace
JOIN pg_catalog.pg_class pc ON pc.oid = inh.inhparent
JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = cc.oid AND k.contype IN ('p', 'u', 'x'))
  AND cn.nspname !~ '^pg_' AND cn.nspname <> 'information_schema'
ORDER BY 1, 2, 3, 4
