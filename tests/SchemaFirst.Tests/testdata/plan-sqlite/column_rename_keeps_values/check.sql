SELECT DurationMs = 343719 FROM Track
