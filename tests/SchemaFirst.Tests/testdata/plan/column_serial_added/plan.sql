-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:87953bf53be786c2a5fcb1a0b4a1542d42430065641c6b57f2378eed9763bb97

-- add sequence public.customers_seq_seq
CREATE SEQUENCE public.customers_seq_seq
    AS integer;

-- add column public.customers.seq
ALTER TABLE public.customers ADD COLUMN seq integer DEFAULT nextval('public.customers_seq_seq'::regclass) NOT NULL;

-- modify sequence public.customers_seq_seq: owned by public.customers.seq
ALTER SEQUENCE public.customers_seq_seq OWNED BY public.customers.seq;
