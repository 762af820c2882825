-- Migration planned by SchemaFirst (sqlite): 3 changes, 9 statements.
-- from sha256:d615d46e35adb4f15e98fe7c91da43c5894fa712aaa542ea0ac1e11d093615ff
-- to   sha256:0ef8b212905db5bc85b38e63f1c2b4e7a9bf5910d57da93f62dfc15ee29eb60b
-- hazards: DS102 x1, LK102 x1, MF101 x1

-- These statements cannot run inside the transaction; they run first, one by one.

-- rebuild table main."Artist" (drop column main."Artist"."Extra"; modify column main."Artist"."Name": nullability)
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- drop view main."ArtistNames"
DROP VIEW ArtistNames;

-- rebuild table main."Artist" (drop column main."Artist"."Extra"; modify column main."Artist"."Name": nullability)
-- hazard LK102: the table Artist is copied row by row into a new one
-- hazard DS102: column Artist."Extra" and the data in it are gone for good
-- hazard MF101: the copy fails if Artist."Name" holds NULL
CREATE TABLE _schemafirst_new_Artist (
    ArtistId INTEGER CONSTRAINT Artist_pkey PRIMARY KEY NOT NULL,
    Name TEXT NOT NULL
);

INSERT INTO _schemafirst_new_Artist (ArtistId, Name) SELECT ArtistId, Name FROM Artist;

DROP TABLE Artist;

ALTER TABLE _schemafirst_new_Artist RENAME TO Artist;

CREATE INDEX Artist_Name ON Artist (Name);

CREATE TRIGGER Artist_log after insert ON "Artist" begin insert into artistlog values (new.artistid); end;

-- add view main."ArtistNames"
CREATE VIEW ArtistNames AS
select name from artist;
