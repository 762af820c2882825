CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE VIEW v_names AS SELECT customers.name FROM customers;
