-- What an SME told GreenDesk about itself with /profile, for /check and for answering about its own economy
-- first; and, while it answers /profile's questions, the question it is at (step). Lists (products, markets) are
-- one item a line. Portable SQL: the same migration runs on H2 and PostgreSQL.
CREATE TABLE sme_profiles (
    sme_id                 BIGINT        NOT NULL PRIMARY KEY REFERENCES smes (id),
    economy                VARCHAR(64),
    sector                 VARCHAR(256),
    products               VARCHAR(2000) DEFAULT '' NOT NULL,
    exports_to             VARCHAR(1000) DEFAULT '' NOT NULL,
    employees              DOUBLE PRECISION,
    turnover_eur           DOUBLE PRECISION,
    annual_emissions_tco2e DOUBLE PRECISION,
    step                   VARCHAR(32),
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
