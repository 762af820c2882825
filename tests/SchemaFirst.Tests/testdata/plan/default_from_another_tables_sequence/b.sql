CREATE SEQUENCE shared_ids;
CREATE TABLE a (id bigint PRIMARY KEY DEFAULT nextval('shared_ids'));
CREATE TABLE b (id bigint PRIMARY KEY DEFAULT nextval('shared_ids'), a_id bigint REFERENCES a (id));
