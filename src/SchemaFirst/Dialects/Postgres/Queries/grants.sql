-- Privileges where they differ from each object's default: what GRANT and REVOKE left behind. The baseline is the
-- object's initial privileges as initdb recorded them (pg_init_privs: the public schema) or else acldefault() for
-- its kind and owner. The owner's own entries are left out (owners are not part of the model). state: 'g' granted,
-- 'o' granted with grant option, 'r' a default privilege taken away. Only objects with an ACL are looked at.
WITH objects AS (
    SELECT 'schema' AS kind, n.nspname AS schema, n.nspname AS name, NULL::text AS arguments, NULL::name AS column_name,
           n.nspowner AS owner, n.nspacl AS acl,
           COALESCE(ip.initprivs, pg_catalog.acldefault('n', n.nspowner)) AS base
    FROM pg_catalog.pg_namespace n
    LEFT JOIN pg_catalog.pg_init_privs ip ON ip.objoid = n.oid AND ip.classoid = 'pg_catalog.pg_namespace'::regclass AND ip.objsubid = 0
    WHERE n.nspacl IS NOT NULL AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
    UNION ALL
    SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname, NULL, NULL,
           c.relowner, c.relacl,
           pg_catalog.acldefault(CASE c.relkind WHEN 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner)
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'table', n.nspname, c.relname, NULL, a.attname, c.relowner, a.attacl, NULL::pg_catalog.aclitem[]
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname,
           pg_catalog.pg_get_function_identity_arguments(p.oid), NULL,
           p.proowner, p.proacl, pg_catalog.acldefault('f', p.proowner)
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE p.proacl IS NOT NULL AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    -- Types, not the array types and table row types the server makes by itself.
    SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname, NULL, NULL,
           t.typowner, t.typacl, pg_catalog.acldefault('T', t.typowner)
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typacl IS NOT NULL AND t.typtype <> 'm' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
      AND (t.typrelid = 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
    UNION ALL
    -- Default privileges (ALTER DEFAULT PRIVILEGES): database-wide entries replace the built-in defaults, per-schema
    -- entries add to them. name is the role they are for, NULL for the connecting role.
    SELECT 'default ' || d.defaclobjtype::text, n.nspname,
           CASE WHEN d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) THEN NULL
                ELSE pg_catalog.pg_get_userbyid(d.defaclrole) END,
           NULL, NULL, d.defaclrole, d.defaclacl,
           CASE WHEN d.defaclnamespace = 0
                THEN pg_catalog.acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's'::"char" ELSE d.defaclobjtype END, d.defaclrole) END
    FROM pg_catalog.pg_default_acl d
    LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
    WHERE d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n')
)
SELECT o.kind, o.schema, o.name, o.arguments, o.column_name,
       CASE WHEN x.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(x.grantee) END AS grantee,
       x.privilege_type AS privilege, x.state
FROM objects o
CROSS JOIN LATERAL (
    SELECT a.grantee, a.privilege_type, CASE WHEN a.is_grantable THEN 'o' ELSE 'g' END AS state
    FROM pg_catalog.aclexplode(o.acl) a
    WHERE a.grantee <> o.owner
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(o.base) b
                      WHERE b.grantee = a.grantee AND b.privilege_type = a.privilege_type AND (b.is_grantable OR NOT a.is_grantable))
    UNION ALL
    SELECT b.grantee, b.privilege_type, 'r'
    FROM pg_catalog.aclexplode(o.base) b
    WHERE b.grantee <> o.owner
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(o.acl) a
                      WHERE a.grantee = b.grantee AND a.privilege_type = b.privilege_type)
) x
ORDER BY 1, 2, 3, 4, 5, 6, 7
