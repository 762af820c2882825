CREATE TABLE t (id integer PRIMARY KEY);
CREATE TABLE t_log (id integer);
CREATE RULE t_log_insert AS ON INSERT TO t DO ALSO INSERT INTO t_log VALUES (NEW.id);
