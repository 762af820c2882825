CREATE TABLE Customer (CustomerId INTEGER PRIMARY KEY, FirstName TEXT NOT NULL, Email TEXT);
CREATE INDEX Customer_Email ON Customer (Email);
