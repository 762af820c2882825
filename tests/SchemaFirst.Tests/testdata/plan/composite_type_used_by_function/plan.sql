-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:26d46e2434f3ed359b7f9112bbac6211823b31ffc5828ef05d60cfd60c4c907c
-- to   sha256:227f801b29e01646dbbda8ad7647cd6970278618880db1bb78861522e786921b

-- add function public.swap(public.pair)
SET check_function_bodies = false;

CREATE FUNCTION public.swap(p public.pair) RETURNS public.pair
    LANGUAGE sql
    IMMUTABLE
    AS $$SELECT ROW(p.b, p.a)::pair$$;
