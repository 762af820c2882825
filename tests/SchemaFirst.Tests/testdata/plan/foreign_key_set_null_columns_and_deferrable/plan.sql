-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:b257b19cdd52f89ed97e831a86d7002c69f567443bd64e41631ae02c17abd11a
-- to   sha256:17b2a55fdac226ad8507f2947b8fc234d721bb41acfa52767e896088dec70b1e
-- hazards: LK103 x1, MF103 x1

-- add constraint posts_tenant_id_author_id_fkey on public.posts
-- hazard MF103: fails if rows of public.posts reference keys missing from public.users
-- hazard LK103: checks every row of public.posts while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.posts ADD CONSTRAINT posts_tenant_id_author_id_fkey FOREIGN KEY (tenant_id, author_id) REFERENCES public.users (tenant_id, id) ON DELETE SET NULL (author_id) DEFERRABLE;
