-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:86df599bc29af9d3df0013aabf06167a16f8b08bc0ae39b1a834c19ae42f0149
-- to   sha256:ac3ddc58cec456953d4a9fc0351100d04ec50a0cf58d7745580568ab7fcef32b

-- modify table public.child: inheritance
ALTER TABLE public.child INHERIT public.base;
