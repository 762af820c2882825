-- Migration planned by SchemaFirst (postgres): 9 changes, 9 statements.
-- from sha256:6acc1dd1e80344fdd9dfb675a99a8083d773417c66fca89d2fb12c98a3f4b614
-- to   sha256:ec0f93a2641237ec96e46d935936183e51db3365bb49aa80e509874c24a74857

-- modify comment on constraint t_v_check on public.t
COMMENT ON CONSTRAINT t_v_check ON public.t IS 'positive';

-- modify comment on view public.mv
COMMENT ON MATERIALIZED VIEW public.mv IS 'cached ids';

-- modify comment on view public.v
COMMENT ON VIEW public.v IS 'ids';

-- modify comment on column public.v.id
COMMENT ON COLUMN public.v.id IS 'the id';

-- modify comment on sequence public.s
COMMENT ON SEQUENCE public.s IS 'numbers';

-- modify comment on type public.e
COMMENT ON TYPE public.e IS 'an enum';

-- modify comment on type public.d.domain
COMMENT ON DOMAIN public.d IS 'a domain';

-- modify comment on routine public.f()
COMMENT ON FUNCTION public.f() IS 'one';

-- modify comment on trigger t_tr on public.t
COMMENT ON TRIGGER t_tr ON public.t IS 'stamps';
