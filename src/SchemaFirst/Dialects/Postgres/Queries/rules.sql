-- Rewrite rules other than the _RETURN rules behind views.
SELECT n.nspname AS schema, c.relname AS table_name, r.rulename AS name,
       pg_catalog.pg_get_ruledef(r.oid) AS definition,
       dsc.description AS comment
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = r.oid AND dsc.classoid = 'pg_catalog.pg_rewrite'::regclass AND dsc.objsubid = 0
WHERE r.rulename <> '_RETURN' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
ORDER BY 1, 2, 3
