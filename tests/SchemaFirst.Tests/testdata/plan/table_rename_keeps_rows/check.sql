SELECT count(*) = 2 FROM customers
