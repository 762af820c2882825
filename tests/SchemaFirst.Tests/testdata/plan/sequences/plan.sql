-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:9c271a1464161f87273542400bfeac44260805f74424a513e2ef4b63f4a95088
-- to   sha256:e127de3421bc93972de0298a36908b260cf675264730b98feebcc4f6ca98dc81
-- hazards: MF105 x1

-- modify sequence public.invoice_no
-- hazard MF105: fails if public.invoice_no is already past its new MAXVALUE 999999
ALTER SEQUENCE public.invoice_no INCREMENT BY 5 MAXVALUE 999999 CYCLE;

-- add sequence public.ticket_no
CREATE SEQUENCE public.ticket_no
    AS integer;
