CREATE TABLE customers (
    id integer PRIMARY KEY,
    mobile text -- schemafirst:renamed-from phone
);
