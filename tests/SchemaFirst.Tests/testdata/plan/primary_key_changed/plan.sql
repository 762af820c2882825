-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:65ce56cc3551f015044a3ae7a499defbf51dbfbc79f48e60da8fc58b0e2f724f
-- to   sha256:0b95f4447d0625c513beb731d18814b112e4eb0d4931a9a5578a1f061dc4bcaa
-- hazards: MF102 x1

-- drop constraint memberships_pkey on public.memberships
ALTER TABLE public.memberships DROP CONSTRAINT memberships_pkey;

-- add constraint memberships_pkey on public.memberships
-- hazard MF102: fails if public.memberships holds duplicate or NULL values in (user_id, group_id)
ALTER TABLE public.memberships ADD CONSTRAINT memberships_pkey PRIMARY KEY (user_id, group_id);
