-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:23990135f93c8f12c4aa646e6b2f5f15a7547be03ad84bdac919fb84bb760deb
-- to   sha256:203eae375d3300f7e60b21f053f1322d4efc509b34b3179ba65ccc043ab2b780

-- add table public.logs
CREATE TABLE public.logs (
    id integer NOT NULL,
    kind text NOT NULL
) PARTITION BY LIST (kind);

-- add table public.logs_app
CREATE TABLE public.logs_app PARTITION OF public.logs FOR VALUES IN ('app');

-- add table public.measurements_2025
CREATE TABLE public.measurements_2025 PARTITION OF public.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
