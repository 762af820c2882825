-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:a898e302a334965403c8f796a4b83eaf591d4c3806e60e37d50c303ab3302f6d
-- to   sha256:fc5a2db68dc175488ee4e0886d66a83355e5150914bf489d209e545a4a275471
-- hazards: MF104 x1

-- modify table public.measurements_2025: partition
-- hazard MF104: fails if a row of public.measurements_2025 falls outside the partition bound, or the default partition holds rows of it; scans public.measurements_2025
ALTER TABLE public.measurements ATTACH PARTITION public.measurements_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
