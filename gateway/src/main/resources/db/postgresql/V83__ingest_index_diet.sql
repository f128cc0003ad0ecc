-- Issue 18: every index of records, record_topics and search_terms is paid inside the ingest transaction (search_terms
-- about ten times per utterance). These had no reader the remaining indexes do not serve as well (EXPLAIN ANALYZE on
-- 2 million records and 20 million postings, BENCHMARKS.md "Index diet"):
-- * search_terms (term, at): every search now goes through (term, site, at); a search over several sites (or all of
--   them) takes each site's newest postings from it and merges them (ConsoleQueries.search), so it stays an index scan.
-- * records (conversation_id): every reader also gives device_id, which (device_id, conversation_id) serves.
-- * records (site, corrected_at): every reader by site also gives kind, which (kind, site, corrected_at) serves.
-- * records (sentiment, corrected_at), (speaker_role, corrected_at): those filters narrow a list already walked in time
--   order by (kind, corrected_at) or (kind, site, corrected_at); no query leads with them.
-- * record_topics (topic_id): the topic-spike rule counts one site's last hour through (kind, site, corrected_at) and
--   the primary key; the console's topic filters probe the primary key.
DROP INDEX search_terms_term_at;
DROP INDEX records_conversation;
DROP INDEX records_site_time;
DROP INDEX records_sentiment_time;
DROP INDEX records_speaker_time;
DROP INDEX record_topics_topic;
