SELECT mobile = '555' AND name = 'Ada' FROM customers
