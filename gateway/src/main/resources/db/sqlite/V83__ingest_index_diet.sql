-- Issue 18: as on PostgreSQL (see its V83): one postings index (term, at, site) instead of (term, at) and
-- (term, site, at), and no more indexes on records and record_topics that every query can do without.
CREATE INDEX search_terms_term_at_site ON search_terms (term, at, site);
DROP INDEX search_terms_term_at;
DROP INDEX search_terms_term_site_at;
DROP INDEX records_conversation;
DROP INDEX records_site_time;
DROP INDEX records_sentiment_time;
DROP INDEX records_speaker_time;
DROP INDEX record_topics_topic;
