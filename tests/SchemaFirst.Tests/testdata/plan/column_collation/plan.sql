-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:fc2eea78a766046dc2ccf4a7b8f3841b8b8f869d68b8f9b0c3c52ae635befc5c
-- to   sha256:2912a27267720c63709fc0a8be12d82edd3669b354ddf50d3daf82ec466da6ff
-- hazards: LK102 x1, MF105 x1

-- modify column public.words.w: collation
-- hazard MF105: fails if a value of public.words.w cannot be cast from text to text
-- hazard LK102: changing the type rewrites public.words and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.words ALTER COLUMN w TYPE text COLLATE "C";
