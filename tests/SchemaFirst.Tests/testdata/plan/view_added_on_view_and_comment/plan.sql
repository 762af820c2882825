-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:4a2cd81b5548e5b2ea60290f869fa43b1ed4729c7e1a3b2d58f5d8fa3210d7f6
-- to   sha256:081fddeabb3a06e94f4f00e260b8391dafff3962054f182aaafd411a93f91003

-- add view public.t_ids
CREATE VIEW public.t_ids AS
  select t.id
  from public.t;

-- add view public.t_even
CREATE VIEW public.t_even AS
  select t_ids.id
  from public.t_ids
  where ((t_ids.id % 2) = 0);

-- modify comment on view public.t_even
COMMENT ON VIEW public.t_even IS 'Even ids only';

-- modify comment on column public.t_even.id
COMMENT ON COLUMN public.t_even.id IS 'The id';
