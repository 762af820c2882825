CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE TABLE docs (id integer PRIMARY KEY, body text);
CREATE INDEX docs_body_trgm ON docs USING gin (body gin_trgm_ops);
