-- =============================================================================
-- Product reviews and customer support
-- =============================================================================

CREATE TABLE IF NOT EXISTS shop.product_reviews (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id     bigint NOT NULL REFERENCES shop.products (id) ON DELETE CASCADE,
    customer_id    bigint REFERENCES shop.customers (id) ON DELETE SET NULL,
    order_item_id  bigint REFERENCES shop.order_items (id) ON DELETE SET NULL,
    rating         smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title          varchar(150),
    body           text,
    is_published   boolean NOT NULL DEFAULT false,
    helpful_votes  integer NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT product_reviews_product_id_customer_id_key UNIQUE (product_id, customer_id),
    CONSTRAINT product_reviews_helpful_votes_check CHECK (helpful_votes >= 0)
);

COMMENT ON TABLE shop.product_reviews IS 'Star ratings and reviews; shown once a moderator publishes them.';
COMMENT ON COLUMN shop.product_reviews.order_item_id IS 'Set for "verified purchase" reviews.';
COMMENT ON COLUMN shop.product_reviews.customer_id IS 'NULL once the author''s account is deleted; the review itself is kept.';

-- Product page: published reviews, newest first.
CREATE INDEX IF NOT EXISTS product_reviews_published_idx
    ON shop.product_reviews (product_id, created_at DESC)
    WHERE is_published;

CREATE INDEX IF NOT EXISTS product_reviews_customer_id_idx
    ON shop.product_reviews (customer_id);

-- -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS shop.support_tickets (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    order_id     bigint REFERENCES shop.orders (id) ON DELETE SET NULL,
    subject      varchar(200) NOT NULL,
    status       shop.ticket_status NOT NULL DEFAULT 'open',
    priority     smallint NOT NULL DEFAULT 3,
    labels       text[] NOT NULL DEFAULT '{}',
    assigned_to  varchar(100),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    closed_at    timestamptz,
    CONSTRAINT support_tickets_priority_check CHECK (priority BETWEEN 1 AND 5)
);

COMMENT ON TABLE shop.support_tickets IS 'Customer service conversations, optionally about one order.';
COMMENT ON COLUMN shop.support_tickets.priority IS '1 = urgent ... 5 = low.';
COMMENT ON COLUMN shop.support_tickets.assigned_to IS 'Login of the support agent handling the ticket.';

-- Agent queue: unresolved tickets by priority, oldest first.
CREATE INDEX IF NOT EXISTS support_tickets_queue_idx
    ON shop.support_tickets (priority, created_at)
    INCLUDE (assigned_to)
    WHERE status IN ('open', 'waiting_on_customer');

CREATE INDEX IF NOT EXISTS support_tickets_customer_id_idx
    ON shop.support_tickets (customer_id, created_at DESC);

CREATE INDEX IF NOT EXISTS support_tickets_order_id_idx
    ON shop.support_tickets (order_id);

CREATE OR REPLACE TRIGGER support_tickets_set_updated_at
    BEFORE UPDATE ON shop.support_tickets
    FOR EACH ROW EXECUTE FUNCTION shop.set_updated_at();

-- -----------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS shop.ticket_messages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id    bigint NOT NULL REFERENCES shop.support_tickets (id) ON DELETE CASCADE,
    author_kind  varchar(16) NOT NULL CHECK (author_kind IN ('customer', 'agent', 'system')),
    author_name  varchar(200),
    body         text NOT NULL,
    attachments  jsonb NOT NULL DEFAULT '[]'::jsonb,
    is_internal  boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE shop.ticket_messages IS 'Messages in a support ticket, in the order they were written.';
COMMENT ON COLUMN shop.ticket_messages.is_internal IS 'Notes between agents, never shown to the customer.';

CREATE INDEX IF NOT EXISTS ticket_messages_ticket_id_created_at_idx
    ON shop.ticket_messages (ticket_id, created_at);
