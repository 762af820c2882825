CREATE TABLE t (id bigint NOT NULL);
CREATE SEQUENCE t_seq AS integer;
