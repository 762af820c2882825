CREATE TABLE clients (id integer PRIMARY KEY);
CREATE TABLE orders (id integer PRIMARY KEY, client_id integer REFERENCES clients (id));
INSERT INTO clients VALUES (7);
INSERT INTO orders VALUES (1, 7);
