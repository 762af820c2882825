CREATE TABLE clients (id integer PRIMARY KEY, phone text, name text);
CREATE INDEX clients_name_idx ON clients (name);
INSERT INTO clients VALUES (1, '555', 'Ada');
