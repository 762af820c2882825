CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c (x integer, y integer, FOREIGN KEY (x, y) REFERENCES p (a, b) MATCH FULL ON DELETE SET NULL (y));
