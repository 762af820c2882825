SELECT name = 'Ada' FROM customers
