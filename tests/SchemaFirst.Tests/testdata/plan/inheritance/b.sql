CREATE TABLE vehicles (id integer PRIMARY KEY, wheels integer);
CREATE TABLE trucks (payload integer) INHERITS (vehicles);
