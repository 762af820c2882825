-- Migration planned by SchemaFirst (postgres): 3 changes, 4 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:eecefea677571e79935718a39a62753b0c16e5045e38cfe5df8d0b57774b7413

-- modify table public.customers: row level security, force row level security
ALTER TABLE public.customers ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.customers FORCE ROW LEVEL SECURITY;

-- add policy customers_read on public.customers
CREATE POLICY customers_read ON public.customers FOR SELECT USING (id > 0);

-- add policy customers_write on public.customers
CREATE POLICY customers_write ON public.customers AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (name <> ''::text);
