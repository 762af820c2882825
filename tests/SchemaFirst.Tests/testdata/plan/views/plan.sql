-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:318051d1a48ae1be5c1737559db1bcc3f674241aa97e64b126d0153840dbd18f
-- to   sha256:50b10ba0234c970e0e458515cd753bca32ecfce28ce992b9d6e0aadf87274904

-- drop view public.v_names
DROP VIEW public.v_names;

-- add view public.v_names
CREATE VIEW public.v_names AS
  select customers.id, customers.name
  from public.customers
  where (customers.id > 0);

-- add materialized view public.m_names
CREATE MATERIALIZED VIEW public.m_names AS
  select v_names.name
  from public.v_names
WITH NO DATA;

-- add view public.v_count
CREATE VIEW public.v_count AS
  select count(*) as n
  from public.v_names;
