-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:cba1918cd3891b5604e53bdf8c5cec264dd5c5cf8618e966071390402775ba52
-- to   sha256:60baade29b314a5d0b8073b20771f78d24d63f9cf09820bf5a288992f36b72c8

-- drop privilege INSERT on public.customers for public
REVOKE INSERT ON TABLE public.customers FROM PUBLIC;

-- add privilege UPDATE on public.customers (name) for public
GRANT UPDATE (name) ON TABLE public.customers TO PUBLIC;
