-- =============================================================================
-- Views for the storefront, the back office and reporting
-- =============================================================================

CREATE OR REPLACE VIEW shop.order_summaries AS
SELECT
    o.id                                   AS order_id,
    o.status,
    o.placed_at,
    c.public_id                            AS customer_public_id,
    c.email                                AS customer_email,
    o.currency,
    o.grand_total,
    coalesce(li.item_count, 0)             AS item_count,
    coalesce(pay.paid_amount, 0)           AS paid_amount,
    o.grand_total - coalesce(pay.paid_amount, 0) AS balance_due
FROM shop.orders AS o
JOIN shop.customers AS c ON c.id = o.customer_id
LEFT JOIN LATERAL (
    SELECT sum(oi.quantity) AS item_count
    FROM shop.order_items AS oi
    WHERE oi.order_id = o.id
) AS li ON true
LEFT JOIN LATERAL (
    SELECT sum(p.amount - p.refunded_amount) AS paid_amount
    FROM shop.payments AS p
    WHERE p.order_id = o.id
      AND p.status IN ('captured', 'refunded')
) AS pay ON true;

COMMENT ON VIEW shop.order_summaries IS 'One row per order with its customer, item count and outstanding balance.';

-- -----------------------------------------------------------------------------

CREATE OR REPLACE VIEW shop.product_listings AS
SELECT
    p.id              AS product_id,
    p.title,
    p.slug,
    s.slug            AS seller_slug,
    cat.slug          AS category_slug,
    p.tags,
    price.min_price,
    price.max_price,
    price.currency,
    rev.review_count,
    rev.average_rating
FROM shop.products AS p
JOIN shop.sellers AS s ON s.id = p.seller_id
LEFT JOIN shop.categories AS cat ON cat.id = p.category_id
LEFT JOIN LATERAL (
    SELECT min(v.price) AS min_price, max(v.price) AS max_price, min(v.currency) AS currency
    FROM shop.product_variants AS v
    WHERE v.product_id = p.id
) AS price ON true
LEFT JOIN LATERAL (
    SELECT count(*) AS review_count, round(avg(r.rating), 2) AS average_rating
    FROM shop.product_reviews AS r
    WHERE r.product_id = p.id
      AND r.is_published
) AS rev ON true
WHERE p.is_active;

COMMENT ON VIEW shop.product_listings IS 'Active products as shown in search results: price range and published rating.';

-- -----------------------------------------------------------------------------

CREATE OR REPLACE VIEW shop.available_stock AS
SELECT
    il.variant_id,
    v.sku,
    sum(il.on_hand - il.reserved) AS available
FROM shop.inventory_levels AS il
JOIN shop.warehouses AS w ON w.id = il.warehouse_id AND w.is_active
JOIN shop.product_variants AS v ON v.id = il.variant_id
GROUP BY il.variant_id, v.sku;

COMMENT ON VIEW shop.available_stock IS 'Units that can still be sold per variant, over all active warehouses.';

-- -----------------------------------------------------------------------------

-- Refreshed nightly with REFRESH MATERIALIZED VIEW CONCURRENTLY, which needs
-- the unique index below.
CREATE MATERIALIZED VIEW IF NOT EXISTS shop.seller_daily_sales AS
SELECT
    oi.seller_id,
    (o.placed_at AT TIME ZONE 'UTC')::date AS sales_date,
    o.currency,
    count(DISTINCT o.id)                   AS order_count,
    sum(oi.quantity)                       AS units_sold,
    sum(oi.line_total)                     AS gross_sales
FROM shop.order_items AS oi
JOIN shop.orders AS o ON o.id = oi.order_id
WHERE o.placed_at IS NOT NULL
  AND o.status NOT IN ('pending', 'cancelled')
GROUP BY oi.seller_id, (o.placed_at AT TIME ZONE 'UTC')::date, o.currency
WITH DATA;

COMMENT ON MATERIALIZED VIEW shop.seller_daily_sales IS 'Sales per seller, UTC day and currency, for seller payouts and dashboards.';

CREATE UNIQUE INDEX IF NOT EXISTS seller_daily_sales_key
    ON shop.seller_daily_sales (seller_id, sales_date, currency);
