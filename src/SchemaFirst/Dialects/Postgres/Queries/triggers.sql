-- Triggers the user made (not internal ones behind foreign keys, not clones on partitions).
SELECT n.nspname AS schema, c.relname AS table_name, g.tgname AS name,
       pg_catalog.pg_get_triggerdef(g.oid) AS definition,
       dsc.description AS comment
FROM pg_catalog.pg_trigger g
JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = g.oid AND dsc.classoid = 'pg_catalog.pg_trigger'::regclass AND dsc.objsubid = 0
WHERE NOT g.tgisinternal AND {{trigger_not_cloned}}
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
ORDER BY 1, 2, 3
