-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:409579ee05ef55ae3d4e2f826699dcf70e199e221ed89cb0af11768413190bf1
-- to   sha256:a681baf278b4f19a67943989e7ba3fd9c1eb30871db1ab065cb45024ecb99797

-- drop privilege SELECT on public.t for public
REVOKE SELECT ON TABLE public.t FROM PUBLIC;

-- add privilege SELECT on public.t (id) for public
GRANT SELECT (id) ON TABLE public.t TO PUBLIC;

-- add privilege SELECT on public.t (public_name) for public
GRANT SELECT (public_name) ON TABLE public.t TO PUBLIC;
