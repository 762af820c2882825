CREATE SCHEMA billing;
CREATE TABLE public.accounts (id integer PRIMARY KEY, name text);
CREATE TABLE billing.accounts (id integer PRIMARY KEY, balance numeric);
