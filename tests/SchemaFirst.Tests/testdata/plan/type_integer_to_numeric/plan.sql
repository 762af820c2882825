-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:c9a59490f7bf1affcec6ea5a797813ac85712ecb5e01a850f25a512ebc114b43
-- to   sha256:570a55881998eaee92918cb16cd6b1ed7148387e6f7f786229c75b05091be7cd
-- hazards: LK102 x1, MF105 x1

-- modify column public.t.v: type
-- hazard MF105: fails if a value of public.t.v cannot be cast from integer to numeric
-- hazard LK102: changing the type rewrites public.t and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN v TYPE numeric USING v::numeric;
