-- =============================================================================
-- Customers, their address book and wish lists
-- =============================================================================

CREATE TABLE IF NOT EXISTS shop.customers (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id           uuid NOT NULL DEFAULT gen_random_uuid(),
    email               shop.email_address NOT NULL,
    full_name           varchar(200) NOT NULL,
    phone               varchar(32),
    -- Forward reference: shop.addresses is created below; the foreign key is
    -- added at the end of this file (customers <-> addresses is a cycle).
    default_address_id  bigint,
    marketing_opt_in    boolean NOT NULL DEFAULT false,
    preferences         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    deleted_at          timestamptz,
    CONSTRAINT customers_public_id_key UNIQUE (public_id),
    CONSTRAINT customers_full_name_check CHECK (length(btrim(full_name)) > 0),
    CHECK (deleted_at IS NULL OR deleted_at >= created_at)
);

COMMENT ON TABLE shop.customers IS 'People who buy on the marketplace. Rows are soft-deleted via deleted_at.';
COMMENT ON COLUMN shop.customers.public_id IS 'Identifier exposed in URLs and APIs; the bigint id never leaves the database.';
COMMENT ON COLUMN shop.customers.email IS 'Login e-mail; unique among live customers regardless of case.';
COMMENT ON COLUMN shop.customers.default_address_id IS 'Address pre-selected at checkout; NULL when the customer has no saved address.';
COMMENT ON COLUMN shop.customers.preferences IS 'Free-form UI settings (language, newsletter topics, ...).';
COMMENT ON COLUMN shop.customers.deleted_at IS 'Set when the customer closes the account; NULL for live accounts.';

-- Case-insensitive uniqueness of e-mail among live accounts
-- (unique + expression + partial index in one).
CREATE UNIQUE INDEX IF NOT EXISTS customers_email_lower_key
    ON shop.customers (lower(email))
    WHERE deleted_at IS NULL;

CREATE INDEX IF NOT EXISTS customers_created_at_idx
    ON shop.customers (created_at DESC);

CREATE OR REPLACE TRIGGER customers_set_updated_at
    BEFORE UPDATE ON shop.customers
    FOR EACH ROW EXECUTE FUNCTION shop.set_updated_at();

-- -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS shop.addresses (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    kind            shop.address_kind NOT NULL DEFAULT 'shipping',
    recipient_name  varchar(200) NOT NULL,
    line1           varchar(200) NOT NULL,
    line2           varchar(200),
    city            varchar(100) NOT NULL,
    region          varchar(100),
    postal_code     varchar(20),
    country_code    char(2) NOT NULL,
    phone           varchar(32),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT addresses_country_code_check CHECK (country_code ~ '^[A-Z]{2}$')
);

COMMENT ON TABLE shop.addresses IS 'Address book of each customer; orders copy the address they ship to.';
COMMENT ON COLUMN shop.addresses.country_code IS 'ISO 3166-1 alpha-2 country code, upper case.';

CREATE INDEX IF NOT EXISTS addresses_customer_id_idx
    ON shop.addresses (customer_id);

-- Supports ON DELETE SET NULL from addresses; most customers have a default.
CREATE INDEX IF NOT EXISTS customers_default_address_id_idx
    ON shop.customers (default_address_id)
    WHERE default_address_id IS NOT NULL;

-- The cycle customers.default_address_id -> addresses -> customers is closed
-- here, once both tables exist.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'customers_default_address_id_fkey') THEN
    ALTER TABLE shop.customers ADD CONSTRAINT customers_default_address_id_fkey FOREIGN KEY (default_address_id) REFERENCES shop.addresses (id) ON DELETE SET NULL;
  END IF;
END $$;

-- -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS shop.wishlist_items (
    customer_id  bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    -- Forward reference to shop.product_variants (20_catalog.sql); the foreign
    -- key is added in that file, right after the variants table.
    variant_id   bigint NOT NULL,
    note         varchar(500),
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, variant_id)
);

COMMENT ON TABLE shop.wishlist_items IS 'Product variants a customer saved for later.';

CREATE INDEX IF NOT EXISTS wishlist_items_variant_id_idx
    ON shop.wishlist_items (variant_id);
