-- Functions and procedures as the server prints them (pg_get_functiondef); aggregates with their parts. Functions an
-- extension owns (deptype e) or the server made for a type (deptype i: a range type's multirange constructors) are not
-- the schema's.
SELECT n.nspname AS schema, p.proname AS name, p.prokind AS kind,
       CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       agg.aggtransfn::regproc::text AS agg_sfunc, pg_catalog.format_type(agg.aggtranstype, NULL) AS agg_stype,
       NULLIF(agg.aggfinalfn::regproc::text, '-') AS agg_finalfunc, agg.agginitval AS agg_initcond,
       dsc.description AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_aggregate agg ON agg.aggfnoid = p.oid
LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = p.oid AND dsc.classoid = 'pg_catalog.pg_proc'::regclass AND dsc.objsubid = 0
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2, 5
