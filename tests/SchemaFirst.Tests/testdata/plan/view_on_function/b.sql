CREATE TABLE t (id integer PRIMARY KEY);
CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
CREATE VIEW doubled AS SELECT public.double_it(t.id) AS d FROM t;
