CREATE TABLE Track (
    TrackId INTEGER PRIMARY KEY,
    DurationMs INTEGER -- schemafirst:renamed-from Milliseconds
);
