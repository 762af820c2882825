-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:8d1daf1544b4a3fe2d14cd8428aa158a63034e10275c314b3bf9b9ffc187fa9b
-- to   sha256:0b89ba5306097a047e6ad08d2578680dd07762eaa275b14223fd6044b07ab2ad

-- rename constraint b_positive on public.t to t_b_check
ALTER TABLE public.t RENAME CONSTRAINT b_positive TO t_b_check;
