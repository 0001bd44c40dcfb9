-- The web chat's page asks for the messages delivered to its session after the last one it has shown: the
-- outbox rows of one recipient, by id.
CREATE INDEX outbox_recipient ON outbox (channel, recipient, id);
