-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:05ea76217c16412051bfc0d4a80942d0c6488d4a85225d451dd70b0a6845f8a8

-- add table public.orders
CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    customer_id integer NOT NULL,
    placed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- add constraint orders_customer_id_fkey on public.orders
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers (id);
