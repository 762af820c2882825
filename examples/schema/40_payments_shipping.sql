-- =============================================================================
-- Payments and shipping
-- =============================================================================

CREATE TABLE IF NOT EXISTS shop.payments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id            bigint NOT NULL REFERENCES shop.orders (id) ON DELETE RESTRICT,
    provider            varchar(40) NOT NULL,
    provider_reference  varchar(120),
    status              shop.payment_status NOT NULL DEFAULT 'pending',
    amount              numeric(12,2) NOT NULL,
    currency            shop.currency_code NOT NULL DEFAULT 'EUR',
    refunded_amount     numeric(12,2) NOT NULL DEFAULT 0,
    provider_response   jsonb,
    failure_reason      text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    captured_at         timestamptz,
    CONSTRAINT payments_provider_reference_key UNIQUE (provider, provider_reference),
    CONSTRAINT payments_amount_check CHECK (amount > 0),
    CONSTRAINT payments_refunded_amount_check CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    CHECK (captured_at IS NULL OR status IN ('captured', 'refunded'))
);

COMMENT ON TABLE shop.payments IS 'Payment attempts against an order; an order may need several attempts before one is captured.';
COMMENT ON COLUMN shop.payments.provider IS 'Payment service provider, e.g. stripe, adyen, paypal.';
COMMENT ON COLUMN shop.payments.provider_reference IS 'The provider''s id for this payment; NULL until the provider answers.';
COMMENT ON COLUMN shop.payments.provider_response IS 'Last raw webhook/API payload, kept for disputes.';

CREATE INDEX IF NOT EXISTS payments_order_id_idx
    ON shop.payments (order_id);

-- Reconciliation job: captured payments per day.
CREATE INDEX IF NOT EXISTS payments_captured_at_idx
    ON shop.payments (captured_at DESC, provider)
    WHERE status = 'captured';

-- -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS shop.shipments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
    warehouse_id     integer REFERENCES shop.warehouses (id) ON DELETE SET NULL,
    carrier          varchar(40) NOT NULL,
    tracking_number  varchar(64),
    status           shop.shipment_status NOT NULL DEFAULT 'preparing',
    shipping_cost    numeric(12,2) NOT NULL DEFAULT 0 CHECK (shipping_cost >= 0),
    tracking_events  jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    shipped_at       timestamptz,
    delivered_at     timestamptz,
    CONSTRAINT shipments_dates_check CHECK (delivered_at IS NULL OR (shipped_at IS NOT NULL AND delivered_at >= shipped_at))
);

COMMENT ON TABLE shop.shipments IS 'Parcels sent for an order; a large order can ship in several parcels from several warehouses.';
COMMENT ON COLUMN shop.shipments.tracking_events IS 'Carrier tracking history, newest last, as delivered by the carrier webhook.';

CREATE INDEX IF NOT EXISTS shipments_order_id_idx
    ON shop.shipments (order_id);

CREATE UNIQUE INDEX IF NOT EXISTS shipments_carrier_tracking_number_key
    ON shop.shipments (carrier, upper(tracking_number))
    WHERE tracking_number IS NOT NULL;

CREATE INDEX IF NOT EXISTS shipments_warehouse_id_idx
    ON shop.shipments (warehouse_id);

-- -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS shop.shipment_items (
    shipment_id    bigint NOT NULL REFERENCES shop.shipments (id) ON DELETE CASCADE,
    order_item_id  bigint NOT NULL REFERENCES shop.order_items (id) ON DELETE CASCADE,
    quantity       integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_item_id)
);

COMMENT ON TABLE shop.shipment_items IS 'Which order lines (and how many units of each) travel in which parcel.';

CREATE INDEX IF NOT EXISTS shipment_items_order_item_id_idx
    ON shop.shipment_items (order_item_id);
