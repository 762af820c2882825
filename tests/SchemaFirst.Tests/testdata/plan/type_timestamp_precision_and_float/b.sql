CREATE TABLE m (id integer PRIMARY KEY, at timestamp(3), v double precision, t time(0) with time zone);
