-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:65f0344252d424838da3bf94786f3652a4ca721a610dadb40bb4025371fa7464
-- to   sha256:8c19cde594f6ba99c058d84555a0020beba4dd62d16da00072f30609c5cd97d6

-- modify column public.jobs.state: default
ALTER TABLE public.jobs ALTER COLUMN state SET DEFAULT 'queued'::text;

-- modify column public.jobs.tries: default
ALTER TABLE public.jobs ALTER COLUMN tries SET DEFAULT 0;

-- modify column public.jobs.created: default
ALTER TABLE public.jobs ALTER COLUMN created SET DEFAULT now();
