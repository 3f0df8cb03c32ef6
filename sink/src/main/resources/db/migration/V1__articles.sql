-- Newswire sink schema, version 1: enriched articles and what was found in them.
-- Every article row carries the enrichment version it was written from; child rows are replaced with it.

CREATE TABLE articles (
    id                 text PRIMARY KEY,
    enrichment_version integer     NOT NULL,
    tagger             text        NOT NULL,
    url                text,
    source             text        NOT NULL,
    feed               text,
    title              text        NOT NULL,
    body               text        NOT NULL,
    language           text,
    published_at       timestamptz,
    fetched_at         timestamptz NOT NULL,
    enriched_at        timestamptz NOT NULL,
    content_type       text        NOT NULL,
    content_hash       text        NOT NULL,
    duplicate_of       text,
    story_id           text,
    document           jsonb       NOT NULL,
    search             tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED
);
CREATE INDEX articles_search_idx ON articles USING gin (search);
CREATE INDEX articles_published_idx ON articles (published_at);
CREATE INDEX articles_story_idx ON articles (story_id) WHERE story_id IS NOT NULL;

CREATE TABLE entities (
    id   text PRIMARY KEY,   -- type and normalised canonical name, e.g. PER:vladimir putin
    type text NOT NULL,
    name text NOT NULL
);

CREATE TABLE article_entities (
    article_id    text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id     text    NOT NULL REFERENCES entities (id),
    mention_count integer NOT NULL,
    salience      double precision NOT NULL,
    in_title      boolean NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity_idx ON article_entities (entity_id);

CREATE TABLE mentions (
    article_id   text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id    text    NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    text         text    NOT NULL,
    PRIMARY KEY (article_id, start_offset)
);

CREATE TABLE places (
    article_id   text             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id    text             NOT NULL,
    name         text             NOT NULL,
    latitude     double precision NOT NULL,
    longitude    double precision NOT NULL,
    country_code text,
    gazetteer_id bigint,
    feature_kind text,
    PRIMARY KEY (article_id, entity_id)
);

CREATE TABLE article_topics (
    article_id text             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    code       text             NOT NULL,
    label      text             NOT NULL,
    score      double precision NOT NULL,
    PRIMARY KEY (article_id, code)
);
CREATE INDEX article_topics_code_idx ON article_topics (code);

CREATE TABLE quotes (
    article_id        text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset      integer NOT NULL,
    end_offset        integer NOT NULL,
    text              text    NOT NULL,
    speaker           text,
    speaker_entity_id text,
    PRIMARY KEY (article_id, start_offset)
);
