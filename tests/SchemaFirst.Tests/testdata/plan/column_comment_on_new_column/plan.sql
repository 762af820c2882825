-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:908bad64e7bf2b0a8926ae1c40afc746a2b75d5f74086905dfc16c11704c2645

-- add column public.t.note
ALTER TABLE public.t ADD COLUMN note text;

-- modify comment on column public.t.note
COMMENT ON COLUMN public.t.note IS 'free text';
