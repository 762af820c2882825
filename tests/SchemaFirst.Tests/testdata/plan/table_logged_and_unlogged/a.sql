CREATE TABLE cache (k text PRIMARY KEY, v text);
CREATE UNLOGGED TABLE scratch (id integer);
