CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE VIEW v_active WITH (security_barrier = true) AS SELECT customers.id, customers.name FROM customers WHERE customers.id > 10 WITH CASCADED CHECK OPTION;
