-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:97304f6de431c19dc0b2c3a9096e85b9d2a502e18dffb2f047165b4d3c277870
-- to   sha256:6fe65e754a8861307bf0efc45030928cf8d789235481c324f50828e962083c20

-- add trigger t_changed on public.t
CREATE TRIGGER t_changed AFTER INSERT OR DELETE OR UPDATE OF id ON public.t FOR EACH STATEMENT EXECUTE FUNCTION public.audit();

-- add trigger t_truncated on public.t
CREATE TRIGGER t_truncated AFTER TRUNCATE ON public.t FOR EACH STATEMENT EXECUTE FUNCTION public.audit();
