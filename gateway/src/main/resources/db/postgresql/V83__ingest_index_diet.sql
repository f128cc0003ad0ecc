-- Issue 18: every index of records, record_topics and search_terms is paid inside the ingest transaction (search_terms
-- about ten times per utterance). Measured on 2 million records and 20 million postings (EXPLAIN ANALYZE of every
-- console, alert and forget query; BENCHMARKS.md "Index diet"), these were not earning that:
-- * search_terms had two indexes, (term, at) for searches over all sites and (term, site, at) for one site's. One
--   index (term, at, site) serves both: newest first for any scope, a site scope checked in the index entry (no heap
--   fetch for other sites' postings); and new postings land at the end of each term's range as with (term, at), not
--   at one place per site and term.
-- * records (conversation_id): every reader also gives device_id, which (device_id, conversation_id) serves.
-- * records (site, corrected_at): every reader by site also gives kind, which (kind, site, corrected_at) serves.
-- * records (sentiment, corrected_at), (speaker_role, corrected_at): those filters narrow a list already walked in time
--   order by (kind, corrected_at) or (kind, site, corrected_at); no query leads with them.
-- * record_topics (topic_id): the topic-spike rule counts one site's last hour through (kind, site, corrected_at) and
--   the primary key; the console's topic filters probe the primary key.
-- Building the new postings index takes about 30 s per 20 million postings (2-core machine), inside this migration.
CREATE INDEX search_terms_term_at_site ON search_terms (term, at, site);
DROP INDEX search_terms_term_at;
DROP INDEX search_terms_term_site_at;
DROP INDEX records_conversation;
DROP INDEX records_site_time;
DROP INDEX records_sentiment_time;
DROP INDEX records_speaker_time;
DROP INDEX record_topics_topic;
