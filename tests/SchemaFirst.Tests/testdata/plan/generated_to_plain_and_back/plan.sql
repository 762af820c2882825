-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:768af72f1ad8d6c2141c43bb9f98a3919932166f99301958e1dfcb45a364dca5
-- to   sha256:6565e96ab5e2a82720faf183c6809d8b55cae297fe09bb20f2cd59640ca39ff7

-- modify column public.t.twice: generated
ALTER TABLE public.t ALTER COLUMN twice DROP EXPRESSION;
