-- Several instances may drain one outbox. A recipient's messages must go out in order and once, so one sender at a
-- time drains a recipient's queue: it holds the queue's lease, which names it and runs out at a time, after which
-- another sender may take the queue over (the holder stopped without giving it back). Row locks (SELECT ... FOR
-- UPDATE SKIP LOCKED) would let a second instance skip a locked head and send the row behind it first.
CREATE TABLE outbox_leases (
    destination VARCHAR(16)  NOT NULL,
    channel     VARCHAR(32)  NOT NULL,
    recipient   VARCHAR(128) NOT NULL,
    holder      VARCHAR(64)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (destination, channel, recipient)
);

-- A queue's pending rows in order, and whether a row has an older pending one before it, without reading the
-- recipient's history.
CREATE INDEX outbox_queue ON outbox (destination, channel, recipient, sent_at, dropped_at, id);
