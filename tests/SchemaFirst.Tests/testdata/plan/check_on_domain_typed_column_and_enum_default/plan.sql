-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:c04eb215f27aa230dc0338881e680cfa0e228a51d54d6f7acde691fbdc368ef1
-- to   sha256:63305cd9233014f5970f592320f4a404c2c47c6f83f31dabc68f0de01e38d90b
-- hazards: LK103 x1, MF104 x1

-- add column public.t.s
ALTER TABLE public.t ADD COLUMN s public.state DEFAULT 'off'::public.state;

-- add column public.t.p
ALTER TABLE public.t ADD COLUMN p public.pct;

-- add constraint t_p_check on public.t
-- hazard MF104: fails if rows of public.t violate the check
-- hazard LK103: checks every row of public.t while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.t ADD CONSTRAINT t_p_check CHECK ((p)::numeric <> (50)::numeric);
