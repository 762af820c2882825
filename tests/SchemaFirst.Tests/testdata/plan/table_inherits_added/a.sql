CREATE TABLE base (id integer NOT NULL, created timestamptz);
CREATE TABLE child (id integer NOT NULL, created timestamptz, extra text);
