CREATE TABLE nodes (id integer PRIMARY KEY, parent integer REFERENCES nodes (id) ON DELETE CASCADE);
