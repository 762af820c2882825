-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:3202372d85b46608f1c22715f1a6ebbb75611a45c73918fa41356faa334a7ed6
-- to   sha256:af99b0b7aa740c55e922ccc58c481d782e4bff89fadda339b4c28624be70ad60

-- add view public.chain
CREATE VIEW public.chain AS
  with recursive chain(id, depth) as (select 1 as "?column?", 0 as "?column?" union all select chain_1.id, (chain_1.depth + 1) from chain chain_1 where (chain_1.depth < 3))
  select chain.id, chain.depth
  from chain;

-- add view public.named
CREATE VIEW public.named AS
  select t.id as ident, t.parent as up
  from public.t;
