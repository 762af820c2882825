-- Migration planned by SchemaFirst (sqlite): 2 changes, 6 statements.
-- from sha256:1102c196211cab6d2fa1e0d1f2a553fd54f964d5f30a4d81a4c8b4255908cc1b
-- to   sha256:0f959be7dabe5e3d111866d9fcca7ef8320f4456616ea1c5859aa199a291dbf8
-- hazards: LK102 x1

-- These statements cannot run inside the transaction; run them first, one by one.

-- rebuild table main."Artist" (add column main."Artist"."Active")
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- add column main."Artist"."Country"
ALTER TABLE Artist ADD COLUMN Country TEXT;

-- rebuild table main."Artist" (add column main."Artist"."Active")
-- hazard LK102: the table Artist is copied row by row into a new one
CREATE TABLE _schemafirst_new_Artist (
    ArtistId INTEGER CONSTRAINT Artist_pkey PRIMARY KEY AUTOINCREMENT NOT NULL,
    Name NVARCHAR(120),
    Country TEXT,
    Active INTEGER DEFAULT 1 NOT NULL
);

INSERT INTO _schemafirst_new_Artist (ArtistId, Name) SELECT ArtistId, Name FROM Artist;

DROP TABLE Artist;

ALTER TABLE _schemafirst_new_Artist RENAME TO Artist;
