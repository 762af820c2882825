CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;
CREATE FUNCTION greeting(n text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || n $$;
