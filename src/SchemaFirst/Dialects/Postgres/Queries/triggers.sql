-- Triggers the user made (not internal ones behind foreign keys, not clones on partitions).
SELECT n.nspname AS schema, c.relname AS table_name, g.tgname AS name,
       pg_catalog.pg_get_triggerdef(g.oid) AS definition,
       pg_catalog.obj_description(g.oid, 'pg_trigger') AS comment
FROM pg_catalog.pg_trigger g
JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT g.tgisinternal AND {{trigger_not_cloned}}
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
ORDER BY 1, 2, 3
