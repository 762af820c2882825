CREATE SCHEMA archive;
CREATE TABLE archive.old_orders (id integer PRIMARY KEY);
