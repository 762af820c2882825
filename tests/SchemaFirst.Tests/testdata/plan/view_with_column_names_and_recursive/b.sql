CREATE TABLE t (id integer PRIMARY KEY, parent integer);
CREATE VIEW named (ident, up) AS SELECT t.id, t.parent FROM t;
CREATE RECURSIVE VIEW chain (id, depth) AS SELECT 1, 0 UNION ALL SELECT chain.id, chain.depth + 1 FROM chain WHERE chain.depth < 3;
