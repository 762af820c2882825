-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:bea13cbcf0175f0b7aa5e45a02c3d3070a9ee26357f7d19429cfef9bb67da9a3
-- to   sha256:57e2acc3d0b85c3b051c1c6687b7862cbcbe2bc1768ef78663c7ffdc62050722

-- These statements cannot run inside the transaction; they run first, one by one.

-- add value 'happy' of enum public.mood
ALTER TYPE public.mood ADD VALUE 'happy' AFTER 'ok';

-- The rest runs in one transaction.
