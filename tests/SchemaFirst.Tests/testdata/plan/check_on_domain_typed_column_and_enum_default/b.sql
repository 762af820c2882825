CREATE TYPE state AS ENUM ('on', 'off');
CREATE DOMAIN pct AS numeric CHECK (VALUE BETWEEN 0 AND 100);
CREATE TABLE t (id integer PRIMARY KEY, s state DEFAULT 'off', p pct CHECK (p <> 50));
