-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:cb4bc9dee60bc9fdd2114870446902c1a55878d2f3fc4841bfc5a0517570c8bf
-- to   sha256:29d9ae203fe578c13d1e6d20fe952f375ddd31133476481d56aa5a8725de653a
-- hazards: MF102 x1

-- The rest runs in one transaction.

-- These statements run after the transaction commits, one by one.

-- add index public.t_code_key
-- hazard MF102: fails if public.t holds duplicates; a failed concurrent build leaves an INVALID index, which apply drops before it builds again
CREATE UNIQUE INDEX CONCURRENTLY t_code_key ON public.t USING btree (code);
