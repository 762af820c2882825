-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:3aae9212c54e17a7b21a445c97cbaafaeeb7a16e705b5a7c32030452f5f79223
-- to   sha256:d45cd47e096edf481c1cca4236fde6638f18bc729d4c5a3fabf37dbd4057d1ce

-- add privilege EXECUTE on public.f() for public
REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC;

-- add privilege SELECT on public.t for public
GRANT SELECT ON TABLE public.t TO PUBLIC;

-- add privilege UPDATE on public.t for public
GRANT UPDATE ON TABLE public.t TO PUBLIC;
