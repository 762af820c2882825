CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE DOMAIN email AS text CHECK (VALUE ~ '@');
CREATE TABLE t (id integer PRIMARY KEY, qty positive, contact email);
