CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

GRANT SELECT, INSERT ON customers TO PUBLIC;
