CREATE TABLE t (id integer PRIMARY KEY, price numeric(12,2));
CREATE VIEW v1 AS SELECT t.id, t.price FROM t;
CREATE VIEW v2 AS SELECT v1.id, v1.price * 2 AS twice FROM v1;
CREATE VIEW v3 AS SELECT count(*) AS n FROM v2;
