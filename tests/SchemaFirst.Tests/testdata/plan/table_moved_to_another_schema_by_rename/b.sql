CREATE SCHEMA archive;
CREATE TABLE archive.orders ( -- schemafirst:renamed-from old_orders
    id integer PRIMARY KEY
);
