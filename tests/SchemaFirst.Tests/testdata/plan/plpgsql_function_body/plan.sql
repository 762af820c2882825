-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:0e435a73b1bad9c0c183d9796165a5989a725e4c61d8dc82c52161846be99d68
-- to   sha256:07d742fd79cf8bc7cb3a448a2940e3d56c98741a8604e7e6c28d41bfe92bdea6

-- modify function public.bump(integer)
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION public.bump(x integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$ BEGIN IF x IS NULL THEN RETURN 0; END IF; RETURN x + 1; END $$;
