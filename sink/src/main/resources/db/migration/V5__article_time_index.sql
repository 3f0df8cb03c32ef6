-- Every query filters or sorts articles by their time: publication, or fetch when the publication is unknown.
-- An index on that expression replaces the one on published_at alone, which no query could use.
CREATE INDEX articles_when_idx ON articles ((coalesce(published_at, fetched_at)));
DROP INDEX articles_published_idx;
