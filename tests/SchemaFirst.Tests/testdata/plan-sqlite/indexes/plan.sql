-- Migration planned by SchemaFirst (sqlite): 3 changes, 3 statements.
-- from sha256:5acfa2046573d17dbfee8c010c7079b0e44aaa8e400473b74df1f21779ab0f92
-- to   sha256:93d88b14c9761bae907723e0f8bc5b76c364e9e550d993fa0b51584344449e1e

-- drop index main."Track_Name"
DROP INDEX Track_Name;

-- add index main."Track_Name"
CREATE INDEX Track_Name ON Track (Name, Composer);

-- add index main."Track_Composer"
CREATE UNIQUE INDEX Track_Composer ON Track (Composer) WHERE composer is not null;
