-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:7a80df44eae1969c8e6acda2724ca2259f96f0d619361ed54ba5edaa548ba097
-- to   sha256:ff15b043993e3c1ced30012ecfee19d677e4829f0cd21d3a23f6bb3d88473d34
-- hazards: DS104 x1

-- drop type public.code
-- hazard DS104: type public.code and the data in it are gone for good
DROP DOMAIN public.code;

-- add type public.code
CREATE DOMAIN public.code AS character varying(10)
    CONSTRAINT code_check CHECK ((length((value)::text) >= 2) and (length((value)::text) <= 3));
