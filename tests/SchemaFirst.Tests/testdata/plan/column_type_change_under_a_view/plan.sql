-- Migration planned by SchemaFirst (postgres): 7 changes, 7 statements.
-- from sha256:e28056551db195c50b352d9d153e95284ce4e19109908efa0e0ae05b7b1c9aba
-- to   sha256:a9eb34979323985b93fc310c4f4909c12c0d1b61997f7ab734c3c000aa5f437d
-- hazards: LK102 x1, MF105 x1

-- drop view public.short_names
DROP VIEW public.short_names;

-- drop view public.customer_names
DROP VIEW public.customer_names;

-- modify column public.customers.name: type
-- hazard MF105: fails if a value of public.customers.name cannot be cast from character varying(50) to text
-- hazard LK102: changing the type rewrites public.customers and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.customers ALTER COLUMN name TYPE text;

-- add view public.customer_names
CREATE VIEW public.customer_names AS
  select customers.id, customers.name
  from public.customers;

-- add view public.short_names
CREATE VIEW public.short_names AS
  select customer_names.name
  from public.customer_names
  where (length(customer_names.name) < 10);

-- modify comment on view public.customer_names
COMMENT ON VIEW public.customer_names IS 'names only';

-- add privilege SELECT on public.customer_names for public
GRANT SELECT ON TABLE public.customer_names TO PUBLIC;
