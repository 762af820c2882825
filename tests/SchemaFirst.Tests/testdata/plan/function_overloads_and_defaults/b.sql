CREATE FUNCTION area(r numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT 3.14159 * r * r $$;
CREATE FUNCTION area(w numeric, h numeric DEFAULT 1) RETURNS numeric LANGUAGE sql AS $$ SELECT w * h $$;
