CREATE TABLE vehicles (id integer PRIMARY KEY, wheels integer);
