-- Migration planned by SchemaFirst (postgres): 3 changes, 3 statements.
-- from sha256:d9a657b65833d3826c308f63b816596c219d254959f3fb1468b33d15bad7f551
-- to   sha256:50673acdf6a685914757f0df3a556ba1a1fb24acd77c81d1bbd514dd60fff115
-- hazards: LK103 x2, MF104 x2

-- drop constraint prices_amount_check on public.prices
ALTER TABLE public.prices DROP CONSTRAINT prices_amount_check;

-- add constraint prices_amount_check on public.prices
-- hazard MF104: fails if rows of public.prices violate the check
-- hazard LK103: checks every row of public.prices while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.prices ADD CONSTRAINT prices_amount_check CHECK (amount > (0)::numeric);

-- add constraint prices_currency_check on public.prices
-- hazard MF104: fails if rows of public.prices violate the check
-- hazard LK103: checks every row of public.prices while holding a lock that blocks writes; --online adds it NOT VALID and validates separately
ALTER TABLE public.prices ADD CONSTRAINT prices_currency_check CHECK (char_length(currency) = 3);
