-- Migration planned by SchemaFirst (postgres): 5 changes, 5 statements.
-- from sha256:654369e6c76b04db0e01cb80e6c39dd8d28bcab3bdcabbf89409caf843aca78f
-- to   sha256:7e6c857cdda035559a154e6b9304723f0d409eafb46870ff2f42ec1cf6f2157a

-- add schema "Sales"
CREATE SCHEMA "Sales";

-- add table "Sales"."Order Lines"
CREATE TABLE "Sales"."Order Lines" (
    "user" integer,
    "select" text
);

-- add column public.user."Group"
ALTER TABLE public."user" ADD COLUMN "Group" text DEFAULT 'x'::text NOT NULL;

-- add index "Sales"."Order Lines_select_idx"
CREATE INDEX "Order Lines_select_idx" ON "Sales"."Order Lines" USING btree ("select");

-- add constraint "Order Lines_user_fkey" on "Sales"."Order Lines"
ALTER TABLE "Sales"."Order Lines" ADD CONSTRAINT "Order Lines_user_fkey" FOREIGN KEY ("user") REFERENCES public."user" (id);
