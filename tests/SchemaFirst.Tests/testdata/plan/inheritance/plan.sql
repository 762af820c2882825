-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:ebc6b02632f3a770410d12a533dc14eefab12bc20fe6d5a17b59242628965baf
-- to   sha256:ababf737fdf3b4b0b7a4a027cc9ccb34029e8a4e17a616a4d7e8013ea4d0f199

-- add table public.trucks
CREATE TABLE public.trucks (
    payload integer
) INHERITS (public.vehicles);
