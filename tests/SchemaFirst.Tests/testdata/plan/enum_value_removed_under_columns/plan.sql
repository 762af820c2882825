-- Migration planned by SchemaFirst (postgres): 10 changes, 13 statements.
-- from sha256:80cbac846a4c3a8fce0b5feec7c1f3e8026bf4ac20c62d4baed973fc40fb8713
-- to   sha256:056e2f8c55afad39ffc5000f6cf104a9ae37719ef0dc545974b92cfe7f81772c
-- hazards: LK101 x1, LK102 x2, LK103 x1, MF104 x1, MF105 x2

-- drop view public.open_orders
DROP VIEW public.open_orders;

-- drop constraint orders_not_cancelled_check on public.orders
ALTER TABLE public.orders DROP CONSTRAINT orders_not_cancelled_check;

-- drop index public.orders_open_idx
DROP INDEX public.orders_open_idx;

-- modify enum public.order_status (made again: values removed or moved)
ALTER TYPE public.order_status RENAME TO order_status__schemafirst_old;

CREATE TYPE public.order_status AS ENUM ('new', 'shipped', 'paid');

-- modify column public.orders.status: type
ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT;

-- hazard MF105: fails if public.orders.status holds a value the enum no longer has
-- hazard LK102: changing the type rewrites public.orders and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.orders ALTER COLUMN status TYPE public.order_status USING status::text::public.order_status;

ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'new'::public.order_status;

-- modify column public.orders.history: type
-- hazard MF105: fails if public.orders.history holds a value the enum no longer has
-- hazard LK102: changing the type rewrites public.orders and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.orders ALTER COLUMN history TYPE public.order_status[] USING history::text[]::public.order_status[];

-- add constraint orders_not_cancelled_check on public.orders
-- hazard MF104: fails if rows of public.orders violate the check
-- hazard LK103: checks every row of public.orders while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.orders ADD CONSTRAINT orders_not_cancelled_check CHECK (status is not null);

-- add index public.orders_open_idx
-- hazard LK101: building the index blocks writes to public.orders until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX orders_open_idx ON public.orders USING btree (id) WHERE (status = 'new'::public.order_status);

-- add view public.open_orders
CREATE VIEW public.open_orders AS
  select orders.id, orders.status
  from public.orders
  where (orders.status <> 'shipped'::public.order_status);

-- drop type public.order_status__schemafirst_old (the old values of public.order_status)
DROP TYPE public.order_status__schemafirst_old;
