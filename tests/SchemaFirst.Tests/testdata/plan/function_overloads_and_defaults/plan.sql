-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:7649e0beece1beabd455b67f6a52f4ebf24400376853504e9d2e6a67ebbffa8c
-- to   sha256:533d945e07695119ef06d09ed1f5c66ecae534fefcdf722e4c1b984935e33998

-- add function public.area(numeric, numeric)
SET check_function_bodies = false;

CREATE FUNCTION public.area(w numeric, h numeric DEFAULT 1) RETURNS numeric
    LANGUAGE sql
    AS $$ SELECT w * h $$;
