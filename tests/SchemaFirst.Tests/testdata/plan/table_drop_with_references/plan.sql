-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:9cdc17906ac37b81671aab1224cccfe2a91f0d0f9bc08d72b1ff985399acb508
-- to   sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- hazards: BC102 x2, DS101 x2

-- drop constraint order_lines_order_id_fkey on public.order_lines
ALTER TABLE public.order_lines DROP CONSTRAINT order_lines_order_id_fkey;

-- drop table public.order_lines
-- hazard DS101: table public.order_lines and the data in it are gone for good
-- hazard BC102: code that still uses table public.order_lines fails once this runs; deploy the code that stops using it first
DROP TABLE public.order_lines;

-- drop table public.orders
-- hazard DS101: table public.orders and the data in it are gone for good
-- hazard BC102: code that still uses table public.orders fails once this runs; deploy the code that stops using it first
DROP TABLE public.orders;
