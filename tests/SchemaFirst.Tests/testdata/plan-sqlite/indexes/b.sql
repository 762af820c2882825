CREATE TABLE Track (TrackId INTEGER PRIMARY KEY, Name TEXT, Composer TEXT);
CREATE INDEX Track_Name ON Track (Name, Composer);
CREATE UNIQUE INDEX Track_Composer ON Track (Composer) WHERE Composer IS NOT NULL;
