-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:7fbe999a05ab651659ae3d72581cc10b267d77cf6c3866555d00591972b82981
-- to   sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0

-- drop view public.v
DROP VIEW public.v;

-- drop function public.f()
DROP FUNCTION public.f();

-- drop procedure public.p()
DROP PROCEDURE public.p();
