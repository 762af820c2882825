-- Columns of tables, views and materialized views, in column order; identity sequence options included.
SELECT n.nspname AS schema, c.relname AS table_name, a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
       a.attidentity AS identity, {{generated}} AS generated,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage,
       {{compression}} AS compression,
       a.attislocal AS is_local,
       sn.nspname AS identity_sequence_schema, sc.relname AS identity_sequence,
       pg_catalog.format_type(s.seqtypid, NULL) AS identity_type,
       s.seqstart AS identity_start, s.seqincrement AS identity_increment, s.seqmax AS identity_max,
       s.seqmin AS identity_min, s.seqcache AS identity_cache, s.seqcycle AS identity_cycle,
       dsc.description AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_depend idd ON a.attidentity <> '' AND idd.refclassid = 'pg_catalog.pg_class'::regclass
     AND idd.refobjid = c.oid AND idd.refobjsubid = a.attnum AND idd.classid = 'pg_catalog.pg_class'::regclass AND idd.deptype = 'i'
LEFT JOIN pg_catalog.pg_class sc ON sc.oid = idd.objid AND sc.relkind = 'S'
LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = sc.oid
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = a.attnum
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, a.attnum
