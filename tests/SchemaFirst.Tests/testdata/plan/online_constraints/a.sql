CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, total numeric);
INSERT INTO customers VALUES (1, 'Ada');
INSERT INTO orders VALUES (1, 1, 10);
