SELECT count(*) = 1 FROM orders JOIN customers ON customers.id = orders.client_id
