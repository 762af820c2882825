-- Migration planned by SchemaFirst (postgres): 4 changes, 4 statements.
-- from sha256:26f35fe947ae27c1fa11261d1b4d37e7be1410fe45c1a7764e5416e645241b66
-- to   sha256:174eb63f6e57bdfdf7c7890708b8fd04ca0b0adc69834ef0e67e566eaadfff9d

-- add table public.players
CREATE TABLE public.players (
    id integer NOT NULL,
    team_id integer,
    CONSTRAINT players_pkey PRIMARY KEY (id)
);

-- add table public.teams
CREATE TABLE public.teams (
    id integer NOT NULL,
    captain_id integer,
    CONSTRAINT teams_pkey PRIMARY KEY (id)
);

-- add constraint players_team_id_fkey on public.players
ALTER TABLE public.players ADD CONSTRAINT players_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams (id);

-- add constraint teams_captain_fkey on public.teams
ALTER TABLE public.teams ADD CONSTRAINT teams_captain_fkey FOREIGN KEY (captain_id) REFERENCES public.players (id);
