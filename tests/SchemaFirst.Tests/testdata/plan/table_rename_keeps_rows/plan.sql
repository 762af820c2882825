-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:d3485f36909ca1a2bdf367f19033e870742df25ca26db147a8f94ac1be488c33
-- to   sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- hazards: BC101 x1

-- rename table public.clients to customers
-- hazard BC101: code that still uses the name public.clients fails once this runs
ALTER TABLE public.clients RENAME TO customers;

-- rename constraint clients_pkey on public.customers to customers_pkey
ALTER TABLE public.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;
