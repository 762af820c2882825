CREATE TABLE "Order Items" (id integer PRIMARY KEY);
