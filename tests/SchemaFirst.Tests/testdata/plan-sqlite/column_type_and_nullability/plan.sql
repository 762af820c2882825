-- Migration planned by SchemaFirst (sqlite): 1 change, 5 statements.
-- from sha256:d24e320641dd9529cdd3283df572c2ebb8cd5e24fdb6a78200f2c228b5e9572b
-- to   sha256:a4db72c4d66d0e906d81f2947a162fa8fc8ab7cfaf7c76fc6c6a0959998efecb
-- hazards: LK102 x1, MF101 x1, MF105 x2

-- These statements cannot run inside the transaction; they run first, one by one.

-- rebuild table main."Invoice" (modify column main."Invoice"."Total": type, nullability; modify column main."Invoice"."BillingCity": type)
PRAGMA foreign_keys = OFF;

-- The rest runs in one transaction.

-- rebuild table main."Invoice" (modify column main."Invoice"."Total": type, nullability; modify column main."Invoice"."BillingCity": type)
-- hazard LK102: the table Invoice is copied row by row into a new one
-- hazard MF101: the copy fails if Invoice."Total" holds NULL
-- hazard MF105: Invoice."Total" changes from NUMERIC(10,2) to NUMERIC(12,2): values keep their storage class unless the table is STRICT
-- hazard MF105: Invoice."BillingCity" changes from NVARCHAR(40) to NVARCHAR(80): values keep their storage class unless the table is STRICT
CREATE TABLE _schemafirst_new_Invoice (
    InvoiceId INTEGER CONSTRAINT Invoice_pkey PRIMARY KEY NOT NULL,
    Total NUMERIC(12,2) NOT NULL,
    BillingCity NVARCHAR(80)
);

INSERT INTO _schemafirst_new_Invoice (InvoiceId, Total, BillingCity) SELECT InvoiceId, Total, BillingCity FROM Invoice;

DROP TABLE Invoice;

ALTER TABLE _schemafirst_new_Invoice RENAME TO Invoice;
