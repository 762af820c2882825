-- =============================================================================
-- Shop example: extensions, schema, types and shared functions
--
-- Every file in this directory is re-runnable: applying the whole set twice in
-- name order leaves the database unchanged the second time.
-- =============================================================================

-- Trigram matching for the product search box (ships with postgresql-contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE SCHEMA IF NOT EXISTS shop;

COMMENT ON SCHEMA shop IS 'Online marketplace: customers, sellers, catalog, orders, payments, shipping and support.';

-- -----------------------------------------------------------------------------
-- Enum types
-- -----------------------------------------------------------------------------

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'address_kind' AND n.nspname = 'shop') THEN
    CREATE TYPE shop.address_kind AS ENUM ('shipping', 'billing', 'both');
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'order_status' AND n.nspname = 'shop') THEN
    CREATE TYPE shop.order_status AS ENUM ('pending', 'paid', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded');
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'payment_status' AND n.nspname = 'shop') THEN
    CREATE TYPE shop.payment_status AS ENUM ('pending', 'authorized', 'captured', 'failed', 'refunded');
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'shipment_status' AND n.nspname = 'shop') THEN
    CREATE TYPE shop.shipment_status AS ENUM ('preparing', 'in_transit', 'delivered', 'returned', 'lost');
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'ticket_status' AND n.nspname = 'shop') THEN
    CREATE TYPE shop.ticket_status AS ENUM ('open', 'waiting_on_customer', 'resolved', 'closed');
  END IF;
END $$;

COMMENT ON TYPE shop.order_status IS 'Life cycle of an order, from checkout to delivery (or cancellation/refund).';

-- -----------------------------------------------------------------------------
-- Domains
-- -----------------------------------------------------------------------------

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'email_address' AND n.nspname = 'shop') THEN
    CREATE DOMAIN shop.email_address AS varchar(320)
      CONSTRAINT email_address_format_check CHECK (VALUE ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$');
  END IF;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'currency_code' AND n.nspname = 'shop') THEN
    CREATE DOMAIN shop.currency_code AS char(3)
      CONSTRAINT currency_code_format_check CHECK (VALUE ~ '^[A-Z]{3}$');
  END IF;
END $$;

COMMENT ON DOMAIN shop.email_address IS 'An e-mail address; compared case-insensitively through lower(...) indexes.';
COMMENT ON DOMAIN shop.currency_code IS 'ISO 4217 alphabetic currency code, e.g. EUR.';

-- -----------------------------------------------------------------------------
-- Shared trigger function
-- -----------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION shop.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

COMMENT ON FUNCTION shop.set_updated_at() IS 'BEFORE UPDATE trigger function: stamps updated_at on every modified row.';
