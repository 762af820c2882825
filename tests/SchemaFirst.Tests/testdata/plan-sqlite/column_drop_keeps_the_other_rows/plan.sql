-- Migration planned by SchemaFirst (sqlite): 1 change, 6 statements.
-- from sha256:e6c1f17f4f5f694afe860dcd7c0ad9dccb4a6f1cdf0d1cedc3cbd75d8fbb96fe
-- to   sha256:bcabbfbb7d4c0d306069ba8f9b2156df5141ac74bf8a59f8b080fc187520c71c
-- hazards: DS102 x1, LK102 x1

-- These statements cannot run inside the transaction; they run first, one by one.

-- rebuild table main."Customer" (drop column main."Customer"."Fax")
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- rebuild table main."Customer" (drop column main."Customer"."Fax")
-- hazard LK102: the table Customer is copied row by row into a new one
-- hazard DS102: column Customer."Fax" and the data in it are gone for good
CREATE TABLE _schemafirst_new_Customer (
    CustomerId INTEGER CONSTRAINT Customer_pkey PRIMARY KEY NOT NULL,
    FirstName TEXT NOT NULL,
    Email TEXT
);

INSERT INTO _schemafirst_new_Customer (CustomerId, FirstName, Email) SELECT CustomerId, FirstName, Email FROM Customer;

DROP TABLE Customer;

ALTER TABLE _schemafirst_new_Customer RENAME TO Customer;

CREATE INDEX Customer_Email ON Customer (Email);
