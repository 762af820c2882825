CREATE TABLE p (id integer NOT NULL, code text NOT NULL);
CREATE UNIQUE INDEX p_code_key ON p (code);
CREATE TABLE c (code text REFERENCES p (code));
