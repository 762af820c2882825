-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:852a845ffdb87c2e44c97b0ded5663933c701df8e313ff6bf6e6c833ecaaa610
-- to   sha256:eb03b1f004dc0c93037213b81853ae8b28df9f2d8bb9d175da951197ca8c4cb8

-- add column public.orders.no
ALTER TABLE public.orders ADD COLUMN no bigint DEFAULT nextval('public.order_no'::regclass) NOT NULL;
