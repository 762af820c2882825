-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:31913c7e11d3aa7f205f4f05827828302069d508fe434864c6d140fa0fd9f943
-- to   sha256:58a125e9bba53826bd53c52b08119c2b113bc73f436b446de4d95ae562ffbac7

-- modify procedure public.add_row(integer)
SET check_function_bodies = false;

CREATE OR REPLACE PROCEDURE public.add_row(n integer)
    LANGUAGE sql
    AS $$ INSERT INTO t VALUES (n + 1) $$;
