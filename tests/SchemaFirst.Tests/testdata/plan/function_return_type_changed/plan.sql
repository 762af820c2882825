-- Migration planned by SchemaFirst (postgres): 2 changes, 3 statements.
-- from sha256:6620922a4ba727759400159ecc6a03dd7026dce4f528bbdc917d7f54c955644f
-- to   sha256:d2bbc95018cc1123325089b9994f38fe2948eaf8e57fc61f7d231c4520fd2520

-- drop function public.answer()
SET check_function_bodies = false;

DROP FUNCTION public.answer();

-- add function public.answer()
CREATE FUNCTION public.answer() RETURNS bigint
    LANGUAGE sql
    IMMUTABLE
    AS $$SELECT 42::bigint$$;
