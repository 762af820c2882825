-- Seed data for local development and demos: plain INSERTs, checked against
-- ../schema by `schemafirst generate seed`, which writes them in a form that can
-- run any number of times (see the README).

INSERT INTO shop.customers (id, public_id, email, full_name, phone, marketing_opt_in, preferences) VALUES
    (1, '6f1c1a52-3d0e-4c55-9a57-2f0d3c1b9e01', 'ana@example.com', 'Ana Silva', '+351 21 000 0001', true, '{"language": "pt", "newsletter": ["coffee"]}'),
    (2, '0b8e2f4a-7c6d-4e1f-8a3b-5d9c7e6f1a02', 'ben@example.com', 'Ben Okafor', NULL, false, '{"language": "en"}');

INSERT INTO shop.addresses (id, customer_id, kind, recipient_name, line1, city, postal_code, country_code) VALUES
    (1, 1, 'both', 'Ana Silva', 'Rua Augusta 10', 'Lisboa', '1100-053', 'PT'),
    (2, 2, 'shipping', 'Ben Okafor', 'Torstrasse 5', 'Berlin', '10119', 'DE');

INSERT INTO shop.sellers (id, owner_customer_id, display_name, slug, support_email, commission_rate, is_verified) VALUES
    (1, 1, 'Ana''s Roastery', 'anas-roastery', 'help@anas.example', 0.12, true);
