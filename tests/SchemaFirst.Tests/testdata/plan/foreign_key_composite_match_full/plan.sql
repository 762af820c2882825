-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:ff25448d3a5ab5c4e8ba2602070be058957d126a49875b91c144cec462fcbef7
-- to   sha256:57bd7ebe9eb8d69214af2f10718c46fc50f1ea113eec9a381399d64faecdc1cc
-- hazards: LK103 x1, MF103 x1

-- add constraint c_x_y_fkey on public.c
-- hazard MF103: fails if rows of public.c reference keys missing from public.p
-- hazard LK103: checks every row of public.c while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.c ADD CONSTRAINT c_x_y_fkey FOREIGN KEY (x, y) REFERENCES public.p (a, b) MATCH FULL ON DELETE SET NULL (y);
