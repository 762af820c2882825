CREATE TABLE Invoice (InvoiceId INTEGER PRIMARY KEY, Total NUMERIC(10,2), BillingCity NVARCHAR(40));
INSERT INTO Invoice VALUES (1, 1.98, 'Stuttgart');
