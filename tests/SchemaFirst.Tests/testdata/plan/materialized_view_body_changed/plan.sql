-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:716c0959813f7749b544ff748e401b6e2f77889de288e6b03c455f62bd7f68da
-- to   sha256:d5672d07f2381d748507314e6a496552da153312e95fcd676597785c862dfc48
-- hazards: DS107 x1

-- drop materialized view public.sales_by_region
-- hazard DS107: materialized view public.sales_by_region and the data in it are gone for good
DROP MATERIALIZED VIEW public.sales_by_region;

-- add materialized view public.sales_by_region
CREATE MATERIALIZED VIEW public.sales_by_region AS
  select sales.region, sum(sales.amount) as total, count(*) as n
  from public.sales
  group by sales.region
WITH NO DATA;
