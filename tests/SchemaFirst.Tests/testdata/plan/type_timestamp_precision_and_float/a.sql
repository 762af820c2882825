CREATE TABLE m (id integer PRIMARY KEY, at timestamp, v numeric, t time);
