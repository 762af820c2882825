-- Migration planned by SchemaFirst (sqlite): 2 changes, 6 statements.
-- from sha256:7d2a11cf1dd06620575fd5695bcb4a8e52a02becf0141908e6ee84fbb87bd7c7
-- to   sha256:63823a45622faae08a8cd448630c2409deebf2a8a1ef84820249ee2583d9ed88
-- hazards: BC101 x1, LK102 x1

-- These statements cannot run inside the transaction; they run first, one by one.

-- rebuild table main."Artist" (rename constraint "Singer_pkey" on main."Artist" to "Artist_pkey")
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- rename table main."Singer" to "Artist"
-- hazard BC101: code that still uses the name main."Singer" fails once this runs
ALTER TABLE Singer RENAME TO Artist;

-- rebuild table main."Artist" (rename constraint "Singer_pkey" on main."Artist" to "Artist_pkey")
-- hazard LK102: the table Artist is copied row by row into a new one
CREATE TABLE _schemafirst_new_Artist (
    ArtistId INTEGER CONSTRAINT Artist_pkey PRIMARY KEY NOT NULL,
    Name TEXT
);

INSERT INTO _schemafirst_new_Artist (ArtistId, Name) SELECT ArtistId, Name FROM Artist;

DROP TABLE Artist;

ALTER TABLE _schemafirst_new_Artist RENAME TO Artist;
