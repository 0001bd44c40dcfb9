-- A summary of the conversation written by the language model for the advisor, when one is configured.
ALTER TABLE escalations ADD COLUMN summary VARCHAR(4000);
