-- Where each escalation's card sits in the advisors' Slack channel: its thread is the conversation with the SME.
CREATE TABLE slack_cards (
    escalation_id BIGINT       PRIMARY KEY REFERENCES escalations (id),
    channel       VARCHAR(64)  NOT NULL,
    ts            VARCHAR(64)  NOT NULL,
    CONSTRAINT slack_cards_message UNIQUE (channel, ts)
);

-- Slack delivers an event again when it thinks we missed it: the event ids seen, so each is handled once.
CREATE TABLE slack_events_seen (
    event_id VARCHAR(128) PRIMARY KEY,
    seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
