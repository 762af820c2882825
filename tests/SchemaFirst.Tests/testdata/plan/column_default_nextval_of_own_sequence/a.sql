CREATE SEQUENCE order_no;
CREATE TABLE orders (id integer PRIMARY KEY);
