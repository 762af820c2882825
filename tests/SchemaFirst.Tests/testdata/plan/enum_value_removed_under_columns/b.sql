CREATE TYPE order_status AS ENUM ('new', 'shipped', 'paid');
CREATE TABLE orders (
    id integer PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'new',
    history order_status[],
    CONSTRAINT orders_not_cancelled_check CHECK (status IS NOT NULL)
);
CREATE INDEX orders_open_idx ON orders (id) WHERE status = 'new';
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status <> 'shipped';
