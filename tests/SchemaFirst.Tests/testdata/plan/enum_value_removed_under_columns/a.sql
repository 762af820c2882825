CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE TABLE orders (
    id integer PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'new',
    history order_status[],
    CONSTRAINT orders_not_cancelled_check CHECK (status <> 'cancelled')
);
CREATE INDEX orders_open_idx ON orders (id) WHERE status = 'new';
CREATE VIEW open_orders AS SELECT id, status FROM orders WHERE status <> 'shipped';
INSERT INTO orders VALUES (1, 'new', '{new}'), (2, 'paid', '{new,paid}'), (3, 'shipped', NULL);
