-- Migration planned by SchemaFirst (postgres): 20 changes, 20 statements.
-- from sha256:436458b9f3328c153da9610c76008e0d461c6ca97b65b6501b320e5263c0a8d3
-- to   sha256:f604690178c0074925b079e0ead8fcad142fbaf8827f01ecf93fc292d2dbc9eb
-- hazards: LK101 x6, MF101 x7

-- add column public.t0.w
ALTER TABLE public.t0 ADD COLUMN w integer;

-- add column public.t12.w
ALTER TABLE public.t12 ADD COLUMN w integer;

-- add column public.t15.w
ALTER TABLE public.t15 ADD COLUMN w integer;

-- add column public.t18.w
ALTER TABLE public.t18 ADD COLUMN w integer;

-- add column public.t3.w
ALTER TABLE public.t3 ADD COLUMN w integer;

-- add column public.t6.w
ALTER TABLE public.t6 ADD COLUMN w integer;

-- add column public.t9.w
ALTER TABLE public.t9 ADD COLUMN w integer;

-- modify column public.t1.v: nullability
-- hazard MF101: fails if public.t1.v holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t1 ALTER COLUMN v SET NOT NULL;

-- modify column public.t10.v: nullability
-- hazard MF101: fails if public.t10.v holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t10 ALTER COLUMN v SET NOT NULL;

-- modify column public.t13.v: nullability
-- hazard MF101: fails if public.t13.v holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t13 ALTER COLUMN v SET NOT NULL;

-- modify column public.t16.v: nullability
-- hazard MF101: fails if public.t16.v holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t16 ALTER COLUMN v SET NOT NULL;

-- modify column public.t19.v: nullability
-- hazard MF101: fails if public.t19.v holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t19 ALTER COLUMN v SET NOT NULL;

-- modify column public.t4.v: nullability
-- hazard MF101: fails if public.t4.v holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t4 ALTER COLUMN v SET NOT NULL;

-- modify column public.t7.v: nullability
-- hazard MF101: fails if public.t7.v holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t7 ALTER COLUMN v SET NOT NULL;

-- add index public.t11_v
-- hazard LK101: building the index blocks writes to public.t11 until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t11_v ON public.t11 USING btree (v);

-- add index public.t14_v
-- hazard LK101: building the index blocks writes to public.t14 until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t14_v ON public.t14 USING btree (v);

-- add index public.t17_v
-- hazard LK101: building the index blocks writes to public.t17 until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t17_v ON public.t17 USING btree (v);

-- add index public.t2_v
-- hazard LK101: building the index blocks writes to public.t2 until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t2_v ON public.t2 USING btree (v);

-- add index public.t5_v
-- hazard LK101: building the index blocks writes to public.t5 until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t5_v ON public.t5 USING btree (v);

-- add index public.t8_v
-- hazard LK101: building the index blocks writes to public.t8 until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX t8_v ON public.t8 USING btree (v);
