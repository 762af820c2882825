CREATE TABLE t (id integer PRIMARY KEY, span interval DEFAULT '1 day', price money, blob bytea, ip inet, mac macaddr, bits bit varying(8), ts timestamp(3) with time zone);
