CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (id integer PRIMARY KEY, m mood);
CREATE VIEW happy AS SELECT t.id FROM t WHERE t.m = 'ok'::mood;
