-- Tables and partitioned tables, with what CREATE TABLE needs beyond the columns. The comment is a lookup by the
-- description index: a join can turn into a nested loop over all comments when the catalog statistics are stale.
SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'p' AS partitioned,
       c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       (SELECT pn.nspname || '.' || pc.relname FROM pg_catalog.pg_inherits i
          JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
         WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_parent,
       (SELECT string_agg(pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(pc.relname), ', ' ORDER BY i.inhseqno)
          FROM pg_catalog.pg_inherits i
          JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
         WHERE i.inhrelid = c.oid AND NOT c.relispartition) AS inherits,
       CASE WHEN am.amname IS NOT NULL AND am.amname <> 'heap' THEN am.amname END AS access_method,
       array_to_string(c.reloptions, ', ') AS options,
       ts.spcname AS tablespace,
       c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       (SELECT dsc.description FROM pg_catalog.pg_description dsc
         WHERE dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = 0) AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
WHERE c.relkind IN ('r', 'p') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2
