CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE VIEW v_names AS SELECT customers.id, customers.name FROM customers WHERE customers.id > 0;
CREATE VIEW v_count AS SELECT count(*) AS n FROM v_names;
CREATE MATERIALIZED VIEW m_names AS SELECT v_names.name FROM v_names WITH NO DATA;
