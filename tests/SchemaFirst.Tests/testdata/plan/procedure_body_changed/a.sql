CREATE TABLE t (id integer);
CREATE PROCEDURE add_row(n integer) LANGUAGE sql AS $$ INSERT INTO t VALUES (n) $$;
