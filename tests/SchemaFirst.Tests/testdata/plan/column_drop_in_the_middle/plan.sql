-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:77c4bb5b0de7a7a7660cbadf0ad7a8b93f1f0c5bfc7461a5d273cbc246903c37
-- to   sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- hazards: BC102 x1, DS102 x1

-- drop column public.customers.fax
-- hazard DS102: column public.customers.fax and the data in it are gone for good
-- hazard BC102: code that still uses column fax fails once this runs; deploy the code that stops using it first
ALTER TABLE public.customers DROP COLUMN fax;
