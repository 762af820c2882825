-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:f675f83f29c3aae6d199597a9403ac5b7043d994cc639e82eab98ad301fa916e
-- to   sha256:92395ab9a073947c974a1e15f5cd82bbeb3078f7cf7430e88eab8bfd61e5c269
-- hazards: MF101 x1

-- modify column public.customers.name: nullability
-- hazard MF101: fails if public.customers.name holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.customers ALTER COLUMN name SET NOT NULL;

-- modify column public.customers.email: nullability
ALTER TABLE public.customers ALTER COLUMN email DROP NOT NULL;
