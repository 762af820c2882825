-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:db75e95ed0e13f9a253d00c7d1ad61198f6d8f8d8c4ed4f0b49b0adb5c04e15a
-- to   sha256:0b91d5465197b28f78ecd45d87d87b3498b3fc32f23e811f419c05807dc3153f

-- modify function public.now_utc()
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION public.now_utc() RETURNS timestamp without time zone
    LANGUAGE sql
    STABLE SECURITY DEFINER
    AS $$ SELECT now() AT TIME ZONE 'utc' $$;
