CREATE TABLE bookings (id integer PRIMARY KEY, room integer, during tsrange, CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&));
