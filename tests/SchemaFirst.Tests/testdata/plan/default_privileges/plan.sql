-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:9f7ea3b071b13ef5e102005bea6adf5c3d0e0ca134e534362c6a45ec987b6d57
-- to   sha256:b232828bff3f10c4680be41eea31eae032bafe1b67db82c4fa2d94711acbc776

-- drop default privilege SELECT on tables for public
ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM PUBLIC;

-- add default privilege EXECUTE on functions for public (taken away)
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- add default privilege INSERT on tables for public in schema public
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT ON TABLES TO PUBLIC;

-- add default privilege UPDATE on tables for public in schema public
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT UPDATE ON TABLES TO PUBLIC;
