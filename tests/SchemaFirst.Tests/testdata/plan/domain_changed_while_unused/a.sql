CREATE DOMAIN code AS text CHECK (length(VALUE) = 3);
