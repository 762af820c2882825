CREATE TABLE Artist ( -- schemafirst:renamed-from Singer
    ArtistId INTEGER PRIMARY KEY,
    Name TEXT
);
