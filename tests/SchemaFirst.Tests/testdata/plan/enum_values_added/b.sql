CREATE TYPE status AS ENUM ('draft', 'new', 'paid', 'shipped', 'done');
CREATE TABLE orders (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'draft');
