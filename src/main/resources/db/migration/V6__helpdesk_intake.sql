-- One row that a helpdesk ticket's insert locks first (SELECT ... FOR UPDATE): concurrent calls for the same
-- helpdesk ticket, on any member of a cluster, wait for each other, and the later one finds the ticket the first made
-- instead of running into the unique index.
CREATE TABLE IF NOT EXISTS helpdesk_intake (
    id INTEGER NOT NULL,
    CONSTRAINT helpdesk_intake_pkey PRIMARY KEY (id)
);
INSERT INTO helpdesk_intake (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM helpdesk_intake WHERE id = 1);
