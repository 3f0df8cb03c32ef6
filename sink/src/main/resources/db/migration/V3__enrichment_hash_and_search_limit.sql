-- A hash of what enrichment produced (the article's document without its enrichment time), so that a record
-- of the same enrichment version and fetch whose content changed (a story decided anew, say) still replaces
-- the row, while the same record again changes nothing. Rows written before have none: the next record of
-- each replaces them once.
ALTER TABLE articles ADD COLUMN enrichment_hash text;

-- Full-text search over the first 300,000 characters of the body (some 50,000 words, far longer than any
-- news story): PostgreSQL refuses a tsvector over 1 MB, which a 10 MB article of many distinct words
-- (ingest.max.bytes allows it) would make, and the article would then never be stored.
DROP INDEX articles_search_idx;
ALTER TABLE articles DROP COLUMN search;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', left(body, 300000)), 'B')) STORED;
CREATE INDEX articles_search_idx ON articles USING gin (search);
