-- An entity's mentions move into its article_entities row as two arrays of offsets into the article's text
-- (title, a blank line, then body, as enrich numbers them): a row per mention was half of every article's rows,
-- no query read them, and their text is the article's own text between the offsets (also in `document`).
ALTER TABLE article_entities ADD COLUMN mention_starts integer[] NOT NULL DEFAULT '{}',
                             ADD COLUMN mention_ends   integer[] NOT NULL DEFAULT '{}';
UPDATE article_entities ae SET mention_starts = m.starts, mention_ends = m.ends
FROM (SELECT article_id, entity_id, array_agg(start_offset ORDER BY start_offset) AS starts,
             array_agg(end_offset ORDER BY start_offset) AS ends
      FROM mentions GROUP BY article_id, entity_id) m
WHERE ae.article_id = m.article_id AND ae.entity_id = m.entity_id;
DROP TABLE mentions;
