-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:6aec17d0e55108c51152f6b08ec7ce40dcc47f7a8d6c73ac496660983136811d
-- to   sha256:e1bfbcb02d2965b98c81c8d3cae826ec9cf9449877f662b3052053d4b0d24ebe

-- modify column public.t.doc: storage, compression
ALTER TABLE public.t ALTER COLUMN doc SET STORAGE EXTERNAL;

ALTER TABLE public.t ALTER COLUMN doc SET COMPRESSION pglz;
