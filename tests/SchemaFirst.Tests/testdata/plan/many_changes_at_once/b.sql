CREATE TABLE customers (id integer PRIMARY KEY, name varchar(100) NOT NULL, email text UNIQUE);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE, note text);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE VIEW v1 AS SELECT customers.name, customers.email FROM customers;
CREATE VIEW v2 AS SELECT orders.id, v1.name FROM orders JOIN customers ON customers.id = orders.customer_id JOIN v1 ON v1.email = customers.email;
