CREATE TABLE docs (id integer PRIMARY KEY, body text, tags text[] NOT NULL DEFAULT '{}', tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(body, ''))) STORED);
CREATE INDEX docs_tsv ON docs USING gin (tsv);
CREATE INDEX docs_tags ON docs USING gin (tags);
