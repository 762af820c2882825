CREATE TABLE t (id integer PRIMARY KEY);
CREATE SCHEMA old;
CREATE TABLE old.a (id integer PRIMARY KEY);
CREATE TABLE old.b (id integer PRIMARY KEY, a integer REFERENCES old.a (id));
CREATE VIEW old.v AS SELECT b.id FROM old.b;
CREATE SEQUENCE old.s;
