-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:b6d2f46affb687e4c65a51bebc5ee3045cdbd6d7c8083c1a26e066b1fdc442f0
-- to   sha256:bc35a5ee7694bcc8fb1867804660c488e00d9610448079f42325716edc0fea2e

-- drop trigger customers_stamp on public.customers
DROP TRIGGER customers_stamp ON public.customers;

-- add trigger customers_stamp on public.customers
CREATE TRIGGER customers_stamp BEFORE INSERT OR UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION public.stamp();

-- add trigger customers_audit on public.customers
CREATE TRIGGER customers_audit AFTER DELETE ON public.customers FOR EACH STATEMENT EXECUTE FUNCTION public.stamp();
