-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:680594a0867d8098f38d8cc7b0f9ca2197f878605e1debaef3b8d43ca2cf8260
-- to   sha256:c9a59490f7bf1affcec6ea5a797813ac85712ecb5e01a850f25a512ebc114b43
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from smallint to integer
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE integer USING v::integer;
