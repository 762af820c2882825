CREATE TABLE sales (id integer PRIMARY KEY, region text, amount numeric);
CREATE MATERIALIZED VIEW sales_by_region AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
