-- Migration planned by SchemaFirst (sqlite): 1 change, 5 statements.
-- from sha256:1aa23443cb0ceb02de73f72605343c47fd69cbc6f4ba80db0f1336af131a2be3
-- to   sha256:1de570100168ea0b57a289ea63c050d193132362a1f311d10a7959edbe7e5036
-- hazards: LK102 x1

-- These statements cannot run inside the transaction; they run first, one by one.

-- rebuild table main.kv (modify table main.kv: storage parameters)
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- rebuild table main.kv (modify table main.kv: storage parameters)
-- hazard LK102: the table kv is copied row by row into a new one
CREATE TABLE _schemafirst_new_kv (
    k TEXT NOT NULL,
    v TEXT,
    CONSTRAINT kv_pkey PRIMARY KEY (k)
) WITHOUT ROWID, STRICT;

INSERT INTO _schemafirst_new_kv (k, v) SELECT k, v FROM kv;

DROP TABLE kv;

ALTER TABLE _schemafirst_new_kv RENAME TO kv;
