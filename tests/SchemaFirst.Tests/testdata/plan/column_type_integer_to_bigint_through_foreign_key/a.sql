CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id));
