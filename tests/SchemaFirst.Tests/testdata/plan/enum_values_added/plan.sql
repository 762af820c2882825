-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:6ccea374965b28b2d358fcfb44dcc0bd48ab83e3cce9ffedd16b71353f036118
-- to   sha256:ca2bd77f633c50ea2548fd845c81e7f6a79e93cb9a5954f6ebb915ca8149b499

-- These statements cannot run inside the transaction; they run first, one by one.

-- add value 'draft' of enum public.status
ALTER TYPE public.status ADD VALUE 'draft' BEFORE 'new';

-- add value 'shipped' of enum public.status
ALTER TYPE public.status ADD VALUE 'shipped' AFTER 'paid';

-- add value 'done' of enum public.status
ALTER TYPE public.status ADD VALUE 'done' AFTER 'shipped';

-- The rest runs in one transaction.

-- modify column public.orders.status: default
ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'draft'::public.status;
