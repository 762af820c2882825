CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, a integer REFERENCES a (id));
CREATE TABLE c (id integer PRIMARY KEY, b integer REFERENCES b (id));
CREATE TABLE d (id integer PRIMARY KEY, c integer REFERENCES c (id));
CREATE TABLE e (id integer PRIMARY KEY, d integer REFERENCES d (id), a integer REFERENCES a (id));
