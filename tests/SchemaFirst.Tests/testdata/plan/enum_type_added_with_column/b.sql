CREATE TYPE tier AS ENUM ('free', 'pro');
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, tier tier NOT NULL DEFAULT 'free');
