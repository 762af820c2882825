-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:81edb5f3789d67a2d426ca818caea3c09a4a45e44e4f3cf36f1ebe6b5e674e99
-- to   sha256:b4cc9db982a89b9f9724d97f37dd9f14045d06914cfccef46ed3993e9bd11ab2
-- hazards: BC101 x1

-- rename column public.customers.phone to mobile
-- hazard BC101: code that still uses column phone fails once this runs
ALTER TABLE public.customers RENAME COLUMN phone TO mobile;
