CREATE TABLE Track (TrackId INTEGER PRIMARY KEY, Name TEXT, Composer TEXT);
CREATE INDEX Track_Name ON Track (Name);
