CREATE TYPE status AS ENUM ('new', 'paid');
CREATE TABLE orders (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'new');
