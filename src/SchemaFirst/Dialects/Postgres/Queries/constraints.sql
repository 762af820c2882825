-- Table constraints as the server prints them. Index-backed ones are all read (a partition's may be attached to its
-- parent's); foreign keys cloned onto partitions and CHECKs inherited from a parent table are left out.
SELECT n.nspname AS schema, c.relname AS table_name, k.conname AS name, k.contype AS type,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition,
       dsc.description AS comment
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = k.oid AND dsc.classoid = 'pg_catalog.pg_constraint'::regclass AND dsc.objsubid = 0
WHERE (k.contype IN ('p', 'u', 'x') OR (k.contype = 'c' AND k.conislocal) OR (k.contype = 'f' AND {{not_cloned}}))
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3
