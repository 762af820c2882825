-- Indexes that do not back a constraint, as CREATE INDEX statements, and which parent index each is attached to.
SELECT n.nspname AS schema, ic.relname AS name,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       (SELECT pn.nspname || '.' || pc.relname FROM pg_catalog.pg_inherits inh
          JOIN pg_catalog.pg_class pc ON pc.oid = inh.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
         WHERE inh.inhrelid = i.indexrelid) AS attached_to,
       ts.spcname AS tablespace,
       dsc.description AS comment,
       i.indisvalid AS valid
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = ic.reltablespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = i.indexrelid AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = 0
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = tc.oid AND d.deptype = 'e')
ORDER BY 1, 2
