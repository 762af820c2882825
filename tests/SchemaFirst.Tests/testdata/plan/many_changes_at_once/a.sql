CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TYPE kind AS ENUM ('a', 'b');
CREATE TABLE old_stuff (id integer PRIMARY KEY, k kind);
CREATE SEQUENCE s1;
CREATE VIEW v1 AS SELECT customers.name FROM customers;
