CREATE FUNCTION area(r numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT 3.14159 * r * r $$;
