-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:cf387c98a5af42fd68789ebe1d7af5186172013786806c682a5261ff80df2224
-- to   sha256:7444ac2beb0d9dcbc147796d74ce9b8124c0cbc5cec7d965bd946df9529fcb20

-- add constraint bookings_room_during_excl on public.bookings
ALTER TABLE public.bookings ADD CONSTRAINT bookings_room_during_excl EXCLUDE USING gist (room WITH =, during WITH &&);
