-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:b4e635f215527ca57d1ff6ef15616b8f25855c43b3cccaa1f5e1c793518613c8
-- to   sha256:e0e252e755be3f376dc805c45e812fc85e6d79b497d08e4f6495c606549f7830
-- hazards: LK103 x1, MF104 x1

-- add column public.t.m
ALTER TABLE public.t ADD COLUMN m integer;

-- add constraint m_small on public.t
-- hazard MF104: fails if rows of public.t violate the check
-- hazard LK103: checks every row of public.t while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.t ADD CONSTRAINT m_small CHECK (m < 10) NO INHERIT;
