CREATE TABLE clients (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO clients VALUES (1, 'Ada'), (2, 'Grace');
