-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:5b5ebe2eacfef14961c06712ad6507b2818ddab51c93ade258f5d89eb7933191
-- to   sha256:0823290c82fea22aea3b04064503adb31306ac3a6c2f5551bc80088cdd1b8d97

-- drop policy own on public.t
DROP POLICY own ON public.t;

-- add policy own on public.t
CREATE POLICY own ON public.t USING (owner = current_user) WITH CHECK (owner = current_user);
