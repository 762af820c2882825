CREATE SCHEMA billing;
CREATE TABLE public.accounts (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE billing.accounts (id integer PRIMARY KEY, balance numeric(12, 2), owner_id integer REFERENCES public.accounts (id));
