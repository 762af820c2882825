-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:9f844abf33691bb869a94813ee44c3271fd9d5c843cd402b86ffd18e4c9c0823
-- to   sha256:6ad34769315dceb9e088b383e37a625086a3e192401b4c0be27973778808d1e5
-- hazards: LK101 x2

-- add column public.docs.tags
ALTER TABLE public.docs ADD COLUMN tags text[] DEFAULT '{}'::text[] NOT NULL;

-- add column public.docs.tsv
ALTER TABLE public.docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(body, ''::text))) STORED;

-- add index public.docs_tags
-- hazard LK101: building the index blocks writes to public.docs until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX docs_tags ON public.docs USING gin (tags);

-- add index public.docs_tsv
-- hazard LK101: building the index blocks writes to public.docs until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX docs_tsv ON public.docs USING gin (tsv);
