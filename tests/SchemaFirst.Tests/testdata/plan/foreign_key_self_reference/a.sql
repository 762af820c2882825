CREATE TABLE nodes (id integer PRIMARY KEY, parent integer);
