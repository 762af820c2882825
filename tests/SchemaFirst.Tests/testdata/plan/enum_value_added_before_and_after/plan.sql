-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:be4d34051e5050ebaa75bf3a6dedab48dc34ef1602b694c71346d28bd987b746
-- to   sha256:760dcf3481cb073662c6123c9405f73567ca8ad10a2ec84964d1317e846e061c

-- These statements cannot run inside the transaction; they run first, one by one.

-- add value 'ok' of enum public.mood
ALTER TYPE public.mood ADD VALUE 'ok' BEFORE 'happy';

-- add value 'ecstatic' of enum public.mood
ALTER TYPE public.mood ADD VALUE 'ecstatic' AFTER 'happy';

-- The rest runs in one transaction.
