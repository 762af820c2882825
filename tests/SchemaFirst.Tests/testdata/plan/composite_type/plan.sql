-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:b03f141f151ed41c2fe6dc87c59da62d53e5ea0a4402b72e94fd6839f9dd3ab0

-- add type public.money_amount
CREATE TYPE public.money_amount AS (
    amount numeric,
    currency character(3)
);

-- add table public.invoices
CREATE TABLE public.invoices (
    id integer NOT NULL,
    total public.money_amount,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);
