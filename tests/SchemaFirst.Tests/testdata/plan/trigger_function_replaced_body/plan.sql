-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:c39eaec1761e1bb0065cfdd595d139ed23b9b13246e6bf88154e43616dec446d
-- to   sha256:6a20dc4b184eaaaf367212852b87dd7829e6b872fc22d07e0f03403f156b35c3

-- modify function public.bump()
SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION public.bump() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.n := 2; RETURN NEW; END $$;
