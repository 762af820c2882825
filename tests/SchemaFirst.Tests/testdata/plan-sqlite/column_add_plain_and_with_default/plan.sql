-- Migration planned by SchemaFirst (sqlite): 2 changes, 2 statements.
-- from sha256:1102c196211cab6d2fa1e0d1f2a553fd54f964d5f30a4d81a4c8b4255908cc1b
-- to   sha256:0f959be7dabe5e3d111866d9fcca7ef8320f4456616ea1c5859aa199a291dbf8

-- add column main."Artist"."Country"
ALTER TABLE Artist ADD COLUMN Country TEXT;

-- add column main."Artist"."Active"
ALTER TABLE Artist ADD COLUMN Active INTEGER DEFAULT 1 NOT NULL;
