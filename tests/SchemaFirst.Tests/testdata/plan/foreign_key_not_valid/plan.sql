-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:a31445dad8ae391853174605cc45ee574a9cde0efe371d996058fbf851ff869d
-- to   sha256:1aeab0333d8e44dbd8df627d31027e0fb4d1e773104e14192a1fe7abaa09fdd3

-- add constraint c_p_fkey on public.c
ALTER TABLE public.c ADD CONSTRAINT c_p_fkey FOREIGN KEY (p) REFERENCES public.p (id) NOT VALID;
