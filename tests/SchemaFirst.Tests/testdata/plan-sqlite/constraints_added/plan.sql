-- Migration planned by SchemaFirst (sqlite): 2 changes, 9 statements.
-- from sha256:7e323d1dc08816d0068ba8c8952cf99b1054267780c147eea1d14575a411669d
-- to   sha256:127b8ccd7cc864152322223c04c3f69cd6ae0ab388c517005735535c0200e380
-- hazards: LK102 x2, MF102 x1, MF103 x1, MF104 x1

-- These statements cannot run inside the transaction; they run first, one by one.

-- rebuild table main."Genre" (add constraint "Genre_Name_key" on main."Genre")
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- rebuild table main."Genre" (add constraint "Genre_Name_key" on main."Genre")
-- hazard LK102: the table Genre is copied row by row into a new one
-- hazard MF102: the copy fails if Genre holds duplicate values in ("Name")
CREATE TABLE _schemafirst_new_Genre (
    GenreId INTEGER CONSTRAINT Genre_pkey PRIMARY KEY NOT NULL,
    Name TEXT,
    CONSTRAINT Genre_Name_key UNIQUE (Name)
);

INSERT INTO _schemafirst_new_Genre (GenreId, Name) SELECT GenreId, Name FROM Genre;

DROP TABLE Genre;

ALTER TABLE _schemafirst_new_Genre RENAME TO Genre;

-- rebuild table main."Track" (add constraint "Track_GenreId_fkey" on main."Track"; add constraint "Track_Bytes_check" on main."Track")
-- hazard LK102: the table Track is copied row by row into a new one
-- hazard MF103: foreign_key_check fails before commit if rows of Track reference keys missing from main."Genre"
-- hazard MF104: the copy fails if rows of Track violate check "Track_Bytes_check"
CREATE TABLE _schemafirst_new_Track (
    TrackId INTEGER CONSTRAINT Track_pkey PRIMARY KEY NOT NULL,
    GenreId INTEGER,
    Bytes INTEGER,
    CONSTRAINT Track_Bytes_check CHECK (bytes >= 0),
    CONSTRAINT Track_GenreId_fkey FOREIGN KEY (GenreId) REFERENCES Genre (GenreId)
);

INSERT INTO _schemafirst_new_Track (TrackId, GenreId, Bytes) SELECT TrackId, GenreId, Bytes FROM Track;

DROP TABLE Track;

ALTER TABLE _schemafirst_new_Track RENAME TO Track;
