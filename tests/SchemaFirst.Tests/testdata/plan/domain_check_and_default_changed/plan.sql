-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:6ef97ac17a1355684d2a1411abbaf2660140f27b673dc48419f4c0305599afff
-- to   sha256:afc01a1d93cb0cc7b27fe2a159946f293959770c54425f1479e1fc99cc5fc89f
-- hazards: MF104 x1

-- modify domain public.qty
ALTER DOMAIN public.qty SET DEFAULT 5;

-- hazard MF104: fails if a value in a column of domain public.qty violates the check
ALTER DOMAIN public.qty ADD CONSTRAINT qty_small CHECK (value < 1000);
