CREATE TABLE "Order Items" (id integer PRIMARY KEY, "say ""hi""" text, "Qty" integer DEFAULT 1);
CREATE INDEX "Order Items Qty" ON "Order Items" ("Qty");
