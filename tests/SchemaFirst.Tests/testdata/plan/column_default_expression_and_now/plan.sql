-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:4ea2e095b0e214c92d03b3f25ee0dc7923b1c3f1bad15ef5a0f0dd04a1860490
-- to   sha256:0f92da425f577408d33cb2da47cee8d74d79227564b726bdcdc78890a8f37252

-- modify column public.t.created: default
ALTER TABLE public.t ALTER COLUMN created SET DEFAULT now();

-- modify column public.t.day: default
ALTER TABLE public.t ALTER COLUMN day SET DEFAULT current_date;

-- modify column public.t.n: default
ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 1.5;
