-- Seed data, written by SchemaFirst from the seed files; do not edit by hand.
-- Idempotent: running it again adds no row and changes none.

-- shop.customers: 2 rows
INSERT INTO shop.customers (id, public_id, email, full_name, phone, marketing_opt_in, preferences) OVERRIDING SYSTEM VALUE VALUES
  (1, '6f1c1a52-3d0e-4c55-9a57-2f0d3c1b9e01', 'ana@example.com', 'Ana Silva', '+351 21 000 0001', true, '{"language": "pt", "newsletter": ["coffee"]}'),
  (2, '0b8e2f4a-7c6d-4e1f-8a3b-5d9c7e6f1a02', 'ben@example.com', 'Ben Okafor', NULL, false, '{"language": "en"}')
ON CONFLICT DO NOTHING;
-- move the sequence of id past the seeded ids
SELECT setval(pg_get_serial_sequence('shop.customers', 'id'), max(id)) FROM shop.customers
HAVING max(id) > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s
  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence('shop.customers', 'id')::regclass);

-- shop.addresses: 2 rows
INSERT INTO shop.addresses (id, customer_id, kind, recipient_name, line1, city, postal_code, country_code) OVERRIDING SYSTEM VALUE VALUES
  (1, 1, 'both', 'Ana Silva', 'Rua Augusta 10', 'Lisboa', '1100-053', 'PT'),
  (2, 2, 'shipping', 'Ben Okafor', 'Torstrasse 5', 'Berlin', '10119', 'DE')
ON CONFLICT DO NOTHING;
-- move the sequence of id past the seeded ids
SELECT setval(pg_get_serial_sequence('shop.addresses', 'id'), max(id)) FROM shop.addresses
HAVING max(id) > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s
  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence('shop.addresses', 'id')::regclass);

-- shop.sellers: 1 row
INSERT INTO shop.sellers (id, owner_customer_id, display_name, slug, support_email, commission_rate, is_verified) OVERRIDING SYSTEM VALUE VALUES
  (1, 1, 'Ana''s Roastery', 'anas-roastery', 'help@anas.example', 0.12, true)
ON CONFLICT DO NOTHING;
-- move the sequence of id past the seeded ids
SELECT setval(pg_get_serial_sequence('shop.sellers', 'id'), max(id)) FROM shop.sellers
HAVING max(id) > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s
  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence('shop.sellers', 'id')::regclass);

-- shop.categories: 2 rows
INSERT INTO shop.categories (id, parent_id, name, slug, "position") VALUES
  (1, NULL, 'Kitchen', 'kitchen', 1),
  (2, 1, 'Coffee', 'coffee', 1)
ON CONFLICT DO NOTHING;
-- move the sequence of id past the seeded ids
SELECT setval(pg_get_serial_sequence('shop.categories', 'id'), max(id)) FROM shop.categories
HAVING max(id) > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s
  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence('shop.categories', 'id')::regclass);

-- shop.warehouses: 2 rows
INSERT INTO shop.warehouses (id, code, name, country_code) OVERRIDING SYSTEM VALUE VALUES
  (1, 'LIS-1', 'Lisbon', 'PT'),
  (2, 'BER-1', 'Berlin', 'DE')
ON CONFLICT DO NOTHING;
-- move the sequence of id past the seeded ids
SELECT setval(pg_get_serial_sequence('shop.warehouses', 'id'), max(id)) FROM shop.warehouses
HAVING max(id) > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s
  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence('shop.warehouses', 'id')::regclass);

-- shop.products: 1 row
INSERT INTO shop.products (id, seller_id, category_id, title, slug, description, tags) OVERRIDING SYSTEM VALUE VALUES
  (1, 1, 2, 'Single-origin beans', 'single-origin-beans', 'Washed Ethiopian beans, roasted light.', '{coffee,organic}')
ON CONFLICT DO NOTHING;
-- move the sequence of id past the seeded ids
SELECT setval(pg_get_serial_sequence('shop.products', 'id'), max(id)) FROM shop.products
HAVING max(id) > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s
  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence('shop.products', 'id')::regclass);

-- shop.product_variants: 2 rows
INSERT INTO shop.product_variants (id, product_id, sku, option_values, price, compare_at_price, weight_grams, is_default) OVERRIDING SYSTEM VALUE VALUES
  (1, 1, 'BEAN-250', '{"size": "250g"}', 12.50, NULL, 250, true),
  (2, 1, 'BEAN-1000', '{"size": "1kg"}', 39.00, 45.00, 1000, false)
ON CONFLICT DO NOTHING;
-- move the sequence of id past the seeded ids
SELECT setval(pg_get_serial_sequence('shop.product_variants', 'id'), max(id)) FROM shop.product_variants
HAVING max(id) > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s
  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = pg_get_serial_sequence('shop.product_variants', 'id')::regclass);

-- shop.inventory_levels: 2 rows
INSERT INTO shop.inventory_levels (warehouse_id, variant_id, on_hand, reserved) VALUES
  (1, 1, 40, 2),
  (2, 2, 10, 0)
ON CONFLICT DO NOTHING;

-- shop.product_reviews: 1 row
INSERT INTO shop.product_reviews (product_id, customer_id, rating, title, body, is_published) VALUES
  (1, 2, 5, 'Bright and fruity', 'Exactly as described; ground fine for espresso.', true)
ON CONFLICT DO NOTHING;
