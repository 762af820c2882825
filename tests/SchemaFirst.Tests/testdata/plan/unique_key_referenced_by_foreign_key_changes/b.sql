CREATE TABLE products (id integer NOT NULL, sku text NOT NULL, CONSTRAINT products_pkey PRIMARY KEY (id), CONSTRAINT products_sku_key UNIQUE NULLS NOT DISTINCT (sku));
CREATE TABLE stock (product_sku text REFERENCES products (sku), n integer);
