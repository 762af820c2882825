CREATE TABLE customers (id integer PRIMARY KEY, fax text, name text NOT NULL);
