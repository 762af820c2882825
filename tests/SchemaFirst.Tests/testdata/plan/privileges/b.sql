CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

GRANT SELECT ON customers TO PUBLIC;
GRANT UPDATE (name) ON customers TO PUBLIC;
