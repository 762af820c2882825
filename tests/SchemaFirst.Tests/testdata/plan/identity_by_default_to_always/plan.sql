-- Migration planned by SchemaFirst (postgres): 1 change, 1 statement.
-- from sha256:0cb5aec29f7002af7a892beb413fd5f823f4058ddea464771a2ff14b9480978e
-- to   sha256:7c44e07a4f1621b88a3079788a1bbe46cbdd6dc5c96a5e86008f44977e881631

-- modify column public.t.id: identity
ALTER TABLE public.t ALTER COLUMN id SET GENERATED ALWAYS SET INCREMENT BY 5 SET START WITH 1000;
