-- Migration planned by SchemaFirst (sqlite): 1 change, 5 statements.
-- from sha256:c6a3a8ba15d056712414652164be7e5196e0286db35dc0c6a012df3e8b588d94
-- to   sha256:9515849a8cccd016048c301c84a2a81fc8b79201e2b6984c891a6dfc74e44aaf
-- hazards: LK102 x1, MF101 x1

-- These statements cannot run inside the transaction; they run first, one by one.

-- rebuild table main."Artist" (modify column main."Artist"."Name": nullability, default)
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- rebuild table main."Artist" (modify column main."Artist"."Name": nullability, default)
-- hazard LK102: the table Artist is copied row by row into a new one
-- hazard MF101: the copy fails if Artist."Name" holds NULL
CREATE TABLE _schemafirst_new_Artist (
    ArtistId INTEGER CONSTRAINT Artist_pkey PRIMARY KEY NOT NULL,
    Name TEXT DEFAULT '' NOT NULL
);

INSERT INTO _schemafirst_new_Artist (ArtistId, Name) SELECT ArtistId, Name FROM Artist;

DROP TABLE Artist;

ALTER TABLE _schemafirst_new_Artist RENAME TO Artist;
