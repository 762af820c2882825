-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:aefbf658671a2fb55fe7f99012a8dc82cf28d0296760757494669830fa11fc8d
-- to   sha256:4def3026f78d5a7de0848a344d79b122118479ec7a68c2bc2a4e1a209e68fe88
-- hazards: BC101 x1

-- rename table public.clients to customers
-- hazard BC101: code that still uses the name public.clients fails once this runs
ALTER TABLE public.clients RENAME TO customers;

-- rename constraint clients_pkey on public.customers to customers_pkey
ALTER TABLE public.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;
