CREATE TABLE customers (id integer PRIMARY KEY, name text, email text NOT NULL);
