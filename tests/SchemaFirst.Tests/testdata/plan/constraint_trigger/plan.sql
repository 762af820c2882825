-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:b62aa1acd37f3f2784fed406d02aea1fa5b93f972c15ad44a5405683e04977a1
-- to   sha256:a30ca1e43be0a75dfbcf317e16ddacd5a0b37f9ea3f79f4a27ed101c31d65a06

-- add trigger t_chk on public.t
CREATE CONSTRAINT TRIGGER t_chk AFTER INSERT ON public.t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.chk();
