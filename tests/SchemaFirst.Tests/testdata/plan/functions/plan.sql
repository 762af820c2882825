-- Migration planned by SchemaFirst (postgres): 4 changes, 5 statements.
-- from sha256:b616f3e9bca2f02a95992c6bdd4594c117d60203df713558f59882044cfdf6ac
-- to   sha256:112f49294a9bff81ba2dbe4f902b1e223072cd11a46b781b977f17778a988234

-- drop function public.greeting(text)
SET check_function_bodies = false;

DROP FUNCTION public.greeting(text);

-- modify function public.add_one(integer)
CREATE OR REPLACE FUNCTION public.add_one(x integer) RETURNS integer
    LANGUAGE sql
    IMMUTABLE
    AS $$ SELECT x + 2 $$;

-- add function public.greeting(text)
CREATE FUNCTION public.greeting(n text) RETURNS character varying
    LANGUAGE sql
    AS $$ SELECT 'hello ' || n $$;

-- add procedure public.touch(integer)
CREATE PROCEDURE public.touch(id integer)
    LANGUAGE sql
    AS $$ UPDATE customers SET name = name WHERE customers.id = touch.id $$;
