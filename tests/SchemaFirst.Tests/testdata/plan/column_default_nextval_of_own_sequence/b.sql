CREATE SEQUENCE order_no;
CREATE TABLE orders (id integer PRIMARY KEY, no bigint NOT NULL DEFAULT nextval('order_no'));
