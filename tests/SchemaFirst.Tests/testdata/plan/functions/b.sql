CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 2 $$;
CREATE FUNCTION greeting(n text) RETURNS varchar LANGUAGE sql AS $$ SELECT 'hello ' || n $$;
CREATE PROCEDURE touch(id integer) LANGUAGE sql AS $$ UPDATE customers SET name = name WHERE customers.id = touch.id $$;
