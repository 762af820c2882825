-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:e3d0bbc891e19c83dbcece6808a9d9e20e1502c081aee5c0c30972d0c2d85cc4
-- to   sha256:38b63c3d1604d7d1aab94e46484e463581b1a3b576e2aa58b05565f76a5a838f

-- add type public.email
CREATE DOMAIN public.email AS text
    CONSTRAINT email_check CHECK (value ~ '@'::text);

-- add column public.t.qty
ALTER TABLE public.t ADD COLUMN qty public.positive;

-- add column public.t.contact
ALTER TABLE public.t ADD COLUMN contact public.email;
