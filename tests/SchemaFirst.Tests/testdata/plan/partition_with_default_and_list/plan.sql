-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:a5e09483191691ddf1b1afb269c0cb005c0cd92a0d5ad9574394459a6ffc32c8
-- to   sha256:757e060be97a2545ae9716b16ffc543fc1e611ab83c8f9ed9d4f1cbaa1250cee

-- add table public.events_click
CREATE TABLE public.events_click PARTITION OF public.events FOR VALUES IN ('click', 'tap');

-- add table public.events_other
CREATE TABLE public.events_other PARTITION OF public.events DEFAULT;
