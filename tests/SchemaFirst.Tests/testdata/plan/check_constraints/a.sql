CREATE TABLE prices (id integer PRIMARY KEY, amount numeric CHECK (amount >= 0), currency text);
