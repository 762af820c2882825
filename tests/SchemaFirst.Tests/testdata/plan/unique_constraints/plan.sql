-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:23f72b95395090133513447b06e01cbb73ce3d44f0b80c7e24c6d578ae120d3b
-- to   sha256:1f241f6eb845fb6c088d381a6a55cadbf306bd8fa3082db1db9a67fc53cfdf60
-- hazards: MF102 x2

-- drop constraint users_email_key on public.users
ALTER TABLE public.users DROP CONSTRAINT users_email_key;

-- add constraint users_email_key on public.users
-- hazard MF102: fails if public.users holds duplicate values in (email, handle)
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email, handle);

-- add constraint users_handle_key on public.users
-- hazard MF102: fails if public.users holds duplicate values in (handle)
ALTER TABLE public.users ADD CONSTRAINT users_handle_key UNIQUE NULLS NOT DISTINCT (handle);
