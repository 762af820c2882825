CREATE TABLE customers (id integer PRIMARY KEY, phone text);
INSERT INTO customers VALUES (1, '555-1234');
