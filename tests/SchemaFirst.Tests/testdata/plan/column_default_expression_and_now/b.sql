CREATE TABLE t (id integer PRIMARY KEY, created timestamptz DEFAULT now(), day date DEFAULT CURRENT_DATE, n numeric DEFAULT 1.5);
