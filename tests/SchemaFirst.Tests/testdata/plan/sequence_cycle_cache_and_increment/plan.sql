-- Migration planned by SchemaFirst (postgres): 1 change, 2 statements.
-- from sha256:38ae11700aee29b89da4d18f9ab94bbe176d4c0d068111a08c672271097e59c6
-- to   sha256:1179dc28f5dc501fe389e7121ee725ec2974ab70c9bc74bc48ecd4e4ff56667b
-- hazards: MF105 x1

-- modify sequence public.ticket_no
SELECT pg_catalog.setval('public.ticket_no', 100, false) FROM public.ticket_no WHERE last_value < 100;

-- hazard MF105: fails if public.ticket_no is already past its new MAXVALUE 100000
ALTER SEQUENCE public.ticket_no INCREMENT BY 10 MINVALUE 100 MAXVALUE 100000 START WITH 100 CACHE 20 CYCLE;
