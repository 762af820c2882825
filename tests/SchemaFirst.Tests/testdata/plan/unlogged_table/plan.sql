-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:812b78012656403f61996a21a7d69d1177974dd929469bf26526aa3c8a588b8d

-- add table public.cache
CREATE UNLOGGED TABLE public.cache (
    k text NOT NULL,
    v text,
    CONSTRAINT cache_pkey PRIMARY KEY (k)
);
