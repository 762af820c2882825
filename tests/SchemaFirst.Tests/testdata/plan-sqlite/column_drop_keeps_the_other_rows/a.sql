CREATE TABLE Customer (CustomerId INTEGER PRIMARY KEY, FirstName TEXT NOT NULL, Fax TEXT, Email TEXT);
INSERT INTO Customer VALUES (1, 'Luís', '+55', 'luis@example.com');
CREATE INDEX Customer_Email ON Customer (Email);
