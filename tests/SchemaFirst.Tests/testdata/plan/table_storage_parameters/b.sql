CREATE TABLE hot (id integer PRIMARY KEY, v text) WITH (fillfactor = 90, toast_tuple_target = 4096);
