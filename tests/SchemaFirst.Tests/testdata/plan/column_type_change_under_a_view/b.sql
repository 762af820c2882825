CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE VIEW customer_names AS SELECT customers.id, customers.name FROM customers;
CREATE VIEW short_names AS SELECT customer_names.name FROM customer_names WHERE length(customer_names.name) < 10;
COMMENT ON VIEW customer_names IS 'names only';
GRANT SELECT ON customer_names TO PUBLIC;
