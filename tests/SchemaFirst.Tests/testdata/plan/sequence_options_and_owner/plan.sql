-- Migration planned by SchemaFirst (postgres): 2 changes, 3 statements.
-- from sha256:ffb74b7094c1ff6e0f7cf3cbe1f23a92db82697cd0de2cb8b9b22f84be9067cd
-- to   sha256:929502c0b7856313b5416aa5d1182a9699589858507de33552297adda5588e03

-- modify sequence public.t_seq
SELECT pg_catalog.setval('public.t_seq', 10, false) FROM public.t_seq WHERE last_value < 10;

ALTER SEQUENCE public.t_seq AS bigint INCREMENT BY 2 MINVALUE 10 MAXVALUE 9223372036854775807 START WITH 10 CACHE 5;

-- modify sequence public.t_seq: owned by public.t.id
ALTER SEQUENCE public.t_seq OWNED BY public.t.id;
