-- Migration planned by SchemaFirst (sqlite): 2 changes, 2 statements.
-- from sha256:1102c196211cab6d2fa1e0d1f2a553fd54f964d5f30a4d81a4c8b4255908cc1b
-- to   sha256:b3c7e8437f2aa3b6e63b2487cac6eb3dea9426c43e9f4849879a188153e1acd4

-- add table main."Album"
CREATE TABLE Album (
    AlbumId INTEGER CONSTRAINT Album_pkey PRIMARY KEY AUTOINCREMENT NOT NULL,
    Title NVARCHAR(160) NOT NULL,
    ArtistId INTEGER NOT NULL,
    CONSTRAINT Album_ArtistId_fkey FOREIGN KEY (ArtistId) REFERENCES Artist (ArtistId) ON DELETE CASCADE
);

-- add index main."IFK_AlbumArtistId"
CREATE INDEX IFK_AlbumArtistId ON Album (ArtistId);
