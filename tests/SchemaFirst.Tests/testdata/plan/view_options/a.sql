CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE VIEW v_active AS SELECT customers.id, customers.name FROM customers WHERE customers.id > 10;
