-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:70442ecb4b84f929480ff81990c3b21917733a275fb242551bdf5da923bd7f06
-- to   sha256:b0fef151a5b3f709e8d505b7fc550ea7391bd8d9599dea6ca4549d86a1087c10

-- modify table public.hot: storage parameters
ALTER TABLE public.hot RESET (autovacuum_enabled);

ALTER TABLE public.hot SET (fillfactor='90', toast_tuple_target='4096');
