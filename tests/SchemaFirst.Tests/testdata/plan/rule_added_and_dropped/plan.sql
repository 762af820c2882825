-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:1392a2986ae8f714cb762b46d90103627465e33335d81c02331a131f4462f9c3
-- to   sha256:20729d1c854b0ee6bf062ab2eaad32e531b682207348ca7bd85151cbbfb352a9

-- drop rule t_no_delete on public.t
DROP RULE t_no_delete ON public.t;

-- add rule t_log_insert on public.t
CREATE RULE t_log_insert AS ON INSERT TO public.t do insert into public.t_log(id) values (new.id);
