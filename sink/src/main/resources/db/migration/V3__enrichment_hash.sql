-- A hash of what enrichment produced (the article's document without its enrichment time), so that a record
-- of the same enrichment version and fetch whose content changed (a story decided anew, say) still replaces
-- the row, while the same record again changes nothing. Rows written before have none: the next record of
-- each replaces them once.
ALTER TABLE articles ADD COLUMN enrichment_hash text;
