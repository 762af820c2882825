-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:4d33793a10cb6f3741c472b219baf8f66ebc22c64107508c3e846eac4f85bb77
-- to   sha256:6730a505fbc5c5536674a2f3f1e6c1b4eac91619e779f2d9afa243e7e09728b1
-- hazards: DS102 x1, LK102 x1

-- modify column public.items.total: generated
-- hazard DS102: column public.items.total (made again as a generated column) and the data in it are gone for good
ALTER TABLE public.items DROP COLUMN total;

-- hazard LK102: adding a stored generated column rewrites public.items
ALTER TABLE public.items ADD COLUMN total numeric GENERATED ALWAYS AS ((price * (qty)::numeric) * 1.2) STORED;
