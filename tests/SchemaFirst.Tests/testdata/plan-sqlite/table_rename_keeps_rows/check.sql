SELECT count(*) = 1 FROM Artist
