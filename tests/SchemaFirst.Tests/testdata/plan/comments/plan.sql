-- Migration planned by SchemaFirst (postgres): 5 changes, 5 statements.
-- from sha256:36f165f7d17943fde8791dd8dd38d5eb91abae46f1fc064600d01e785206fb02
-- to   sha256:e41621fd29b1a9fc39df4f1addaf067f6d750df85b505d9f66cddb90f31821db

-- modify comment on table public.customers
COMMENT ON TABLE public.customers IS 'People who buy.';

-- modify comment on column public.customers.id
COMMENT ON COLUMN public.customers.id IS 'key';

-- modify comment on constraint customers_pkey on public.customers
COMMENT ON CONSTRAINT customers_pkey ON public.customers IS 'the key';

-- modify comment on index public.customers_name_idx
COMMENT ON INDEX public.customers_name_idx IS 'for search';

-- modify comment on column public.customers.name
COMMENT ON COLUMN public.customers.name IS NULL;
