-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:b54014370dadfe3778181279b13839804fb407810c0889faaa4c0b954b9ac4ff
-- to   sha256:76023775451ea081d35d795aeda3311737446ee6c3f2cdbdb812ff50de3ddaa8
-- hazards: LK103 x1, MF103 x1

-- add constraint nodes_parent_fkey on public.nodes
-- hazard MF103: fails if rows of public.nodes reference keys missing from public.nodes
-- hazard LK103: checks every row of public.nodes while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.nodes ADD CONSTRAINT nodes_parent_fkey FOREIGN KEY (parent) REFERENCES public.nodes (id) ON DELETE CASCADE;
