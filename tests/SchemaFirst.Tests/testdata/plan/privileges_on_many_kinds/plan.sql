-- Migration planned by SchemaFirst (postgres): 7 changes, 7 statements.
-- from sha256:7edde70e18dda47de25499dac1bd1820352b63f768b5ecb00bd79f37f2e3c015
-- to   sha256:117d21aa5d427fb446bcd65f00732a0d80d8c007de7e6a03d9c8431dd85fe974

-- add privilege USAGE on app for public
GRANT USAGE ON SCHEMA app TO PUBLIC;

-- add privilege USAGE on app.e for public
REVOKE USAGE ON TYPE app.e FROM PUBLIC;

-- add privilege EXECUTE on app.f() for public
REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC;

-- add privilege SELECT on app.s for public
GRANT SELECT ON SEQUENCE app.s TO PUBLIC;

-- add privilege USAGE on app.s for public
GRANT USAGE ON SEQUENCE app.s TO PUBLIC;

-- add privilege SELECT on app.t for public
GRANT SELECT ON TABLE app.t TO PUBLIC;

-- add privilege INSERT on app.t for public
GRANT INSERT ON TABLE app.t TO PUBLIC;
