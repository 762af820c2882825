SELECT count(*) = 1 FROM ArtistNames WHERE Name = 'Queen'
