CREATE TABLE customers (id integer PRIMARY KEY, name varchar(50) NOT NULL);
INSERT INTO customers VALUES (1, 'Ada');
