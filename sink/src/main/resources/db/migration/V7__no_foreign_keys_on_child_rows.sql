-- Newswire sink schema, version 7: child rows without foreign keys.
-- The sink writes an article and all its child rows in one transaction and removes them together (a replaced
-- article's child rows, and a retracted article's, are deleted by the same statement batch that writes or
-- deletes the article), so the constraints only checked what the sink already guarantees. They cost
-- PostgreSQL a lookup with a row lock for every child row, about 45 per article, and for `entity_id` a lock
-- on the same few popular entity rows in every batch.
ALTER TABLE article_entities DROP CONSTRAINT IF EXISTS article_entities_article_id_fkey;
ALTER TABLE article_entities DROP CONSTRAINT IF EXISTS article_entities_entity_id_fkey;
ALTER TABLE places DROP CONSTRAINT IF EXISTS places_article_id_fkey;
ALTER TABLE article_topics DROP CONSTRAINT IF EXISTS article_topics_article_id_fkey;
ALTER TABLE quotes DROP CONSTRAINT IF EXISTS quotes_article_id_fkey;
