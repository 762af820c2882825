-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:698273ba06be937fae710de066e7670ef9dafb7c5cb1c4c60bf1df85a1da126f
-- to   sha256:e51a16eb4846819d07adb62d889dcd0be761cbbe8e35d39e255ef9f9914c74cd
-- hazards: LK102 x1, LK103 x1, MF101 x1, MF103 x1, MF105 x1

-- add column billing.accounts.owner_id
ALTER TABLE billing.accounts ADD COLUMN owner_id integer;

-- modify column billing.accounts.balance: type
-- hazard MF105: fails if a value of billing.accounts.balance cannot be cast from numeric to numeric(12,2)
-- hazard LK102: changing the type rewrites billing.accounts and its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE billing.accounts ALTER COLUMN balance TYPE numeric(12,2) USING balance::numeric(12,2);

-- modify column public.accounts.name: nullability
-- hazard MF101: fails if public.accounts.name holds NULL; scans the table under an ACCESS EXCLUSIVE lock
ALTER TABLE public.accounts ALTER COLUMN name SET NOT NULL;

-- add constraint accounts_owner_id_fkey on billing.accounts
-- hazard MF103: fails if rows of billing.accounts reference keys missing from public.accounts
-- hazard LK103: checks every row of billing.accounts while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE billing.accounts ADD CONSTRAINT accounts_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.accounts (id);
