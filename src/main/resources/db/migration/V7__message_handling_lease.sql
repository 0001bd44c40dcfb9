-- An inbound message is handled by the instance that stored it; until this time runs out no other instance (one
-- starting, or one looking for messages left behind by an instance that stopped) takes it over.
ALTER TABLE messages ADD COLUMN handling_until TIMESTAMP WITH TIME ZONE;
