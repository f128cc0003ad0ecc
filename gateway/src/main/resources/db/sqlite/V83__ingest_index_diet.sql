-- Issue 18: as on PostgreSQL (see its V83): indexes paid by every ingest transaction that no query needs once a
-- search over several sites merges each site's newest postings from (term, site, at).
DROP INDEX search_terms_term_at;
DROP INDEX records_conversation;
DROP INDEX records_site_time;
DROP INDEX records_sentiment_time;
DROP INDEX records_speaker_time;
DROP INDEX record_topics_topic;
