-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:afd773689cc8ea74e243f5966cd358371cfaab99d6b57acc71fa76a6a09170de
-- to   sha256:0f7d5ea6b9c56d389ef5061322a5878c5d5155d4433c08f09d799c61fe690171

-- drop view public.v_active
DROP VIEW public.v_active;

-- add view public.v_active
CREATE VIEW public.v_active WITH (security_barrier='true') AS
  select customers.id, customers.name
  from public.customers
  where (customers.id > 10)
WITH CASCADED CHECK OPTION;
