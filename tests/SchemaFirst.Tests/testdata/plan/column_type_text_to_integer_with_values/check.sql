SELECT hits = 42 FROM counters
