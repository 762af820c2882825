CREATE SCHEMA "Sales";
CREATE TABLE "user" (id integer PRIMARY KEY, "order" integer, "Group" text NOT NULL DEFAULT 'x');
CREATE TABLE "Sales"."Order Lines" ("user" integer REFERENCES "user" (id), "select" text);
CREATE INDEX "Order Lines_select_idx" ON "Sales"."Order Lines" ("select");
