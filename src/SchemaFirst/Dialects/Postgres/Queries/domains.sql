-- Domains with base type, default, NOT NULL and collation; their CHECK constraints come one per row (or NULL).
SELECT n.nspname AS schema, t.typname AS name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
       t.typdefault AS default_expr, t.typnotnull AS not_null,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN co.collname END AS collation,
       k.conname AS constraint_name, pg_catalog.pg_get_constraintdef(k.oid) AS constraint_def,
       dsc.description AS comment,
       kdsc.description AS constraint_comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_catalog.pg_constraint k ON k.contypid = t.oid AND k.contype = 'c'
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = t.oid AND dsc.classoid = 'pg_catalog.pg_type'::regclass AND dsc.objsubid = 0
LEFT JOIN pg_catalog.pg_description kdsc ON kdsc.objoid = k.oid AND kdsc.classoid = 'pg_catalog.pg_constraint'::regclass AND kdsc.objsubid = 0
WHERE t.typtype = 'd' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2, k.conname
