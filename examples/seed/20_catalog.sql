INSERT INTO shop.categories (id, parent_id, name, slug, position) VALUES
    (1, NULL, 'Kitchen', 'kitchen', 1),
    (2, 1, 'Coffee', 'coffee', 1);

INSERT INTO shop.warehouses (id, code, name, country_code) VALUES
    (1, 'LIS-1', 'Lisbon', 'PT'),
    (2, 'BER-1', 'Berlin', 'DE');

INSERT INTO shop.products (id, seller_id, category_id, title, slug, description, tags) VALUES
    (1, 1, 2, 'Single-origin beans', 'single-origin-beans', 'Washed Ethiopian beans, roasted light.', '{coffee,organic}');

INSERT INTO shop.product_variants (id, product_id, sku, option_values, price, compare_at_price, weight_grams, is_default) VALUES
    (1, 1, 'BEAN-250', '{"size": "250g"}', 12.50, NULL, 250, true),
    (2, 1, 'BEAN-1000', '{"size": "1kg"}', 39.00, 45.00, 1000, false);

INSERT INTO shop.inventory_levels (warehouse_id, variant_id, on_hand, reserved) VALUES
    (1, 1, 40, 2),
    (2, 2, 10, 0);

-- A review gives no id: it is matched on its values when the seed runs again.
INSERT INTO shop.product_reviews (product_id, customer_id, rating, title, body, is_published) VALUES
    (1, 2, 5, 'Bright and fruity', 'Exactly as described; ground fine for espresso.', true);
