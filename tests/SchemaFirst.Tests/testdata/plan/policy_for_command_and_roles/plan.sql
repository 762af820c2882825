-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:a4dc0fe604676c155e7e814447010d9337ac7254f9911c939da2939843a75a4b
-- to   sha256:d179a1c892183360517452df65f2a1bf770c4411d8d0e64f2265f400d822be5a

-- add policy docs_read on public.docs
CREATE POLICY docs_read ON public.docs FOR SELECT USING (true);

-- add policy docs_write on public.docs
CREATE POLICY docs_write ON public.docs AS RESTRICTIVE FOR UPDATE USING (owner = current_user) WITH CHECK (owner = current_user);
