-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:6d1cdc5ae377be7a02c767ca6bb7d8ffc76ae44999924782544f27bba68ecb8a
-- to   sha256:d90156fd2e0f98619deb349f01e5b94aaae8964f7667621dbcc9b0e5490c1bf3
-- hazards: LK101 x1

-- add column public."Order Items"."say ""hi"""
ALTER TABLE public."Order Items" ADD COLUMN "say ""hi""" text;

-- add column public."Order Items"."Qty"
ALTER TABLE public."Order Items" ADD COLUMN "Qty" integer DEFAULT 1;

-- add index public."Order Items Qty"
-- hazard LK101: building the index blocks writes to public."Order Items" until it is done; --concurrent-indexes builds it CONCURRENTLY
CREATE INDEX "Order Items Qty" ON public."Order Items" USING btree ("Qty");
