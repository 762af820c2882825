CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'Read models';
CREATE TABLE t (id integer PRIMARY KEY);
CREATE VIEW reporting.t_count AS SELECT count(*) AS n FROM public.t;
