SELECT FirstName = 'Luís' AND Email = 'luis@example.com' FROM Customer
