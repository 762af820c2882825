SELECT mobile = '555-1234' FROM customers WHERE id = 1
