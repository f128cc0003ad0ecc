-- For bench/index-audit.py on a database migrated through V83: the indexes as they were before V83 (the "before"
-- column of BENCHMARKS.md "Index diet"); run inside the script's rolled-back transaction.
SET maintenance_work_mem = '512MB';
DROP INDEX search_terms_term_at_site;
CREATE INDEX search_terms_term_at ON search_terms (term, at);
CREATE INDEX search_terms_term_site_at ON search_terms (term, site, at);
CREATE INDEX records_conversation ON records (conversation_id);
CREATE INDEX records_site_time ON records (site, corrected_at);
CREATE INDEX records_sentiment_time ON records (sentiment, corrected_at);
CREATE INDEX records_speaker_time ON records (speaker_role, corrected_at);
CREATE INDEX record_topics_topic ON record_topics (topic_id);
