-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:300bd50cbdb14f2b58f3177160e293f68ab3d4eb930fa1218364b1131bc2e89d
-- to   sha256:5a66d1716f4ac2ec361c7aa488ecedd435af3a12f0b5bad14e9807b09e135078
-- hazards: BC101 x2

-- rename table public.clients to customers
-- hazard BC101: code that still uses the name public.clients fails once this runs
ALTER TABLE public.clients RENAME TO customers;

-- rename column public.customers.phone to mobile
-- hazard BC101: code that still uses column phone fails once this runs
ALTER TABLE public.customers RENAME COLUMN phone TO mobile;

-- rename constraint clients_pkey on public.customers to customers_pkey
ALTER TABLE public.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;
