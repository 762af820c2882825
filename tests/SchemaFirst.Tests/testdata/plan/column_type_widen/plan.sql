-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:0b8f3f6f62737d911a6d9433c80417865085203df67c78c8f6afcd509d986621
-- to   sha256:d2f3fb074c8a60bdcbf56b089693ab7338e9cde7506676a48d0fd4111141df47
-- hazards: LK102 x1, MF105 x1

-- modify column public.customers.name: type
-- hazard MF105: fails if a value of public.customers.name cannot be cast from character varying(50) to character varying(200)
-- hazard LK102: changing the type rewrites public.customers and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.customers ALTER COLUMN name TYPE character varying(200);
