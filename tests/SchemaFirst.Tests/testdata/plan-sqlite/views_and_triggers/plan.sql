-- Migration planned by SchemaFirst (sqlite): 3 changes, 3 statements.
-- from sha256:1102c196211cab6d2fa1e0d1f2a553fd54f964d5f30a4d81a4c8b4255908cc1b
-- to   sha256:d94a1fefd00b700fb4d019d626b4d74e775d7e91772126e9ccd3a09d7c48aea7

-- add table main."ArtistLog"
CREATE TABLE ArtistLog (
    ArtistId INTEGER,
    At TEXT
);

-- add view main."ArtistNames"
CREATE VIEW ArtistNames AS
select name from artist;

-- add trigger "Artist_log" on main."Artist"
CREATE TRIGGER Artist_log after insert ON "Artist" begin insert into artistlog values (new.artistid, datetime('now')); end;
