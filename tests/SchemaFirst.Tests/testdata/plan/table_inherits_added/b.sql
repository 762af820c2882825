CREATE TABLE base (id integer NOT NULL, created timestamptz);
CREATE TABLE child (extra text) INHERITS (base);
