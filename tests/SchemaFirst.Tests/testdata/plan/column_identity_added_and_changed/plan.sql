-- Migration planned by SchemaFirst (postgres): 2 changes, 3 statements.
-- from sha256:d22ab6564d6c4d8d6ff232617cbbf86abffa358a040cc2c5ad9143bafe30acc4
-- to   sha256:edebfdd52da3fadc500087322fe80d04f6bdbf4dd47430952dfd2a8ac3ea7ee8

-- modify column public.a.id: identity
ALTER TABLE public.a ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.a', 'id'), coalesce(max(id), 0) + 1, false) FROM public.a;

-- modify column public.b.id: identity
ALTER TABLE public.b ALTER COLUMN id SET GENERATED ALWAYS SET INCREMENT BY 10;
