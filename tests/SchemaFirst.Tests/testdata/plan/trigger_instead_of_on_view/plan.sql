-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:60e03859b1a1837f991c7f2f75804e9d986cc7b42b7ba5ca1f11d1f21577513a
-- to   sha256:f265868ffd5169ac26703cc82644700e2c2f64ae6ae4cb7c1fd35db64e669546

-- add trigger tv_insert on public.tv
CREATE TRIGGER tv_insert INSTEAD OF INSERT ON public.tv FOR EACH ROW EXECUTE FUNCTION public.tv_ins();
