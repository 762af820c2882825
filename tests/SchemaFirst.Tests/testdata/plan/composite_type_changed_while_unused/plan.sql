-- Migration planned by SchemaFirst (postgres): 2 changes, 2 statements.
-- from sha256:26d46e2434f3ed359b7f9112bbac6211823b31ffc5828ef05d60cfd60c4c907c
-- to   sha256:26abfca44ff150ffd8cb01aa8e4e44a874a10935d29ac66e5683e6c4a3cb24d0
-- hazards: DS104 x1

-- drop type public.pair
-- hazard DS104: type public.pair and the data in it are gone for good
DROP TYPE public.pair;

-- add type public.pair
CREATE TYPE public.pair AS (
    a integer,
    b integer,
    c text
);
