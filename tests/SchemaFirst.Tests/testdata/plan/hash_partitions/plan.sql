-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:2805680ab30a0c28fdb3deee87b9afbd0692c74a4d057435956802b61e344519
-- to   sha256:a677631438c69bb359d41ef4caf5734a746a40884a8ce223b5b08436e87c8718

-- add table public.users_1
CREATE TABLE public.users_1 PARTITION OF public.users FOR VALUES WITH (MODULUS 2, REMAINDER 1);
