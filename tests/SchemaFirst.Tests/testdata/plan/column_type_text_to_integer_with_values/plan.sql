-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:392fa3e5bd32c74f86615be5d3bde9c23cb463ab77a5568f87e2094362218e78
-- to   sha256:2354e2ca18c0d905ab4abdf1565ac5a871bbeba8739a464629e0c041ff7e1ce5
-- hazards: LK102 x1, MF105 x1

-- modify column public.counters.hits: type
-- hazard MF105: fails if a value of public.counters.hits cannot be cast from text to integer
-- hazard LK102: changing the type rewrites public.counters and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.counters ALTER COLUMN hits TYPE integer USING hits::integer;
