CREATE TABLE counters (id integer PRIMARY KEY, hits text);
INSERT INTO counters VALUES (1, '42');
