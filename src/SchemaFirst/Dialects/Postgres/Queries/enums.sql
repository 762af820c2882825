-- Enum labels in their sort order, one row per label.
SELECT n.nspname AS schema, t.typname AS name, e.enumlabel AS label,
       dsc.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = t.oid AND dsc.classoid = 'pg_catalog.pg_type'::regclass AND dsc.objsubid = 0
WHERE t.typtype = 'e' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2, e.enumsortorder
