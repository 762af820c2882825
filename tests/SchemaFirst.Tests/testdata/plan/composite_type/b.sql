CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TYPE money_amount AS (amount numeric, currency char(3));
CREATE TABLE invoices (id integer PRIMARY KEY, total money_amount);
