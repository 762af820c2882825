-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:b715856b226e1da82f7f979514e68318dfb38849b2e9494a801fa90f903b3bc4
-- to   sha256:b9d0fb4e290ab258fe7cbbdc0219a59162bd8e4e5d1d39c21abcb8e7d51763fe

-- drop trigger t_upd on public.t
DROP TRIGGER t_upd ON public.t;

-- add trigger t_upd on public.t
CREATE TRIGGER t_upd BEFORE UPDATE OF v ON public.t FOR EACH ROW WHEN ((old.v is distinct FROM new.v)) EXECUTE FUNCTION public.f();
