-- Version 2: stories, the events that several articles report (enrich gives them a shared story id).
-- Maintained from articles.story_id by the sink; recomputed for the stories a batch touches.

CREATE TABLE stories (
    id                text PRIMARY KEY,
    first_article_id  text        NOT NULL,
    first_seen_at     timestamptz NOT NULL,
    last_seen_at      timestamptz NOT NULL,
    article_count     integer     NOT NULL
);
CREATE INDEX stories_last_seen_idx ON stories (last_seen_at);

INSERT INTO stories (id, first_article_id, first_seen_at, last_seen_at, article_count)
SELECT story_id,
       (array_agg(id ORDER BY coalesce(published_at, fetched_at), id))[1],
       min(coalesce(published_at, fetched_at)),
       max(coalesce(published_at, fetched_at)),
       count(*)
FROM articles WHERE story_id IS NOT NULL GROUP BY story_id;
