SELECT count(*) = 1 FROM Album
