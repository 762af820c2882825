CREATE TABLE customers ( -- schemafirst:renamed-from clients
    id integer PRIMARY KEY
);
CREATE TABLE orders (id integer PRIMARY KEY, client_id integer, CONSTRAINT orders_client_id_fkey FOREIGN KEY (client_id) REFERENCES customers (id));
