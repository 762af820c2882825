-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:9e0fc804c0b0e840a76bc0274246df845a6bb62e2c00fcb20b418ab657c2534b
-- to   sha256:67cdfa883c48ac5fe2f44c5e32e71428128773cfbaa727535bc226c62e619062
-- hazards: BC101 x1

-- rename table archive.old_orders to orders
-- hazard BC101: code that still uses the name archive.old_orders fails once this runs
ALTER TABLE archive.old_orders RENAME TO orders;

-- rename constraint old_orders_pkey on archive.orders to orders_pkey
ALTER TABLE archive.orders RENAME CONSTRAINT old_orders_pkey TO orders_pkey;
