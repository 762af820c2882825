SELECT quantity = 5 FROM t
