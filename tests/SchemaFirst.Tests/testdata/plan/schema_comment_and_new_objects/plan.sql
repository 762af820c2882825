-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:cd2d327d9359c027311e5eec65c1aaf7309bf5fe4842bd50808249c0cb6c49e0
-- to   sha256:e62597bd6e8d67d8062856f182517b7b248b4754d5eb8f1830eb1d432663deae

-- add schema reporting
CREATE SCHEMA reporting;

-- add view reporting.t_count
CREATE VIEW reporting.t_count AS
  select count(*) as n
  from public.t;

-- modify comment on schema reporting
COMMENT ON SCHEMA reporting IS 'Read models';
