CREATE TABLE customers ( -- schemafirst:renamed-from clients
    id integer PRIMARY KEY,
    name text NOT NULL
);
