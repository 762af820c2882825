-- Schemas the user made: not system schemas, not created by an extension.
SELECT n.nspname AS name,
       dsc.description AS comment
FROM pg_catalog.pg_namespace n
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = n.oid AND dsc.classoid = 'pg_catalog.pg_namespace'::regclass AND dsc.objsubid = 0
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
ORDER BY 1
