CREATE TABLE customers ( -- schemafirst:renamed-from clients
    id integer PRIMARY KEY,
    mobile text, -- schemafirst:renamed-from phone
    name text
);
CREATE INDEX clients_name_idx ON customers (name);
