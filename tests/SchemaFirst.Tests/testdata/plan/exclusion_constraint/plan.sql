-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:78f118b2b6c93f870dacc91ab5dad6f1d314dea10f330fd4834dee11906eda98
-- to   sha256:0ab2d6b5ba8e808470e81a7451bb62d2a792ef22e08f5af520bbc6cf8381324a

-- add constraint bookings_during_excl on public.bookings
ALTER TABLE public.bookings ADD CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&);
