CREATE TABLE users (id integer PRIMARY KEY, email text, handle text, CONSTRAINT users_email_key UNIQUE (email));
