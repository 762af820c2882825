-- The store locator's schema: regions, the stores its crawler finds, each visit of a store page, and price checks.

CREATE TABLE regions (
    region_id   integer PRIMARY KEY,
    region_nm   text NOT NULL UNIQUE,
    country     char(2) NOT NULL DEFAULT 'JP'
);

CREATE TABLE stores (
    store_id    text PRIMARY KEY,
    store_nm    text NOT NULL,
    addr        text NOT NULL,
    tel_no      text,
    region_id   integer NOT NULL REFERENCES regions,
    opened_on   date,
    search_text tsvector GENERATED ALWAYS AS (to_tsvector('simple', store_nm || ' ' || addr)) STORED,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX stores_tel_no_key ON stores (tel_no) WHERE tel_no IS NOT NULL;

CREATE TABLE store_visits (
    visit_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    store_id    text NOT NULL REFERENCES stores ON DELETE CASCADE,
    visited_at  timestamptz NOT NULL DEFAULT now(),
    http_status smallint NOT NULL,
    bytes       integer
);

CREATE INDEX store_visits_store_idx ON store_visits (store_id, visited_at DESC);

CREATE TABLE price_checks (
    store_id    text NOT NULL REFERENCES stores,
    sku         text NOT NULL,
    checked_on  date NOT NULL,
    price       numeric(10, 2) NOT NULL CHECK (price >= 0),
    PRIMARY KEY (store_id, sku, checked_on)
);

CREATE VIEW region_store_counts AS
SELECT r.region_id, r.region_nm, count(s.store_id) AS stores
FROM regions r
LEFT JOIN stores s ON s.region_id = r.region_id
GROUP BY r.region_id, r.region_nm;
