CREATE TABLE prices (id integer PRIMARY KEY, amount numeric CHECK (amount > 0), currency text CONSTRAINT prices_currency_check CHECK (char_length(currency) = 3));
