-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:a71a097e130da1e997a773600a09e8894aa12216adc4586885830ca3f095d44d
-- to   sha256:b6e95c8d877cd4f3a3854fc143c4d47093d94226397d6892063ad684450f5d25

-- rename index public.t_a_old to t_a_idx
ALTER INDEX public.t_a_old RENAME TO t_a_idx;
