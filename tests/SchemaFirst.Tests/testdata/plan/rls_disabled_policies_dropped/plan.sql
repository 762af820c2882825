-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:66077431ebb181d9d2421bc893b2b360fe4b65fc68dbaec399c7892efe65213e
-- to   sha256:27fc7a6b393dc999aa50df5622710882fde32b58c9dd335e0fc20116198e708f

-- drop policy a on public.t
DROP POLICY a ON public.t;

-- drop policy b on public.t
DROP POLICY b ON public.t;

-- modify table public.t: row level security
ALTER TABLE public.t DISABLE ROW LEVEL SECURITY;
