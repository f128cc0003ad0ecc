-- Query shapes for bench/index-audit.py (issue 18): as ConsoleQueries, RuleEngine, RulePreview, JdbcVocStore.forget and
-- InsightCorrections send them, with literal values for a bench-console data set (sites site-000..site-004).
-- name: conv_all
SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention, r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation' AND 1=1 ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: conv_site
SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention, r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation' AND r.site IN ('site-002') ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: conv_2sites
SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention, r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation' AND r.site IN ('site-001','site-003') ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: conv_site_week
SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention, r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation' AND r.site IN ('site-002') AND r.corrected_at >= now() - interval '14 days' AND r.corrected_at < now() - interval '7 days' ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: conv_all_topic
SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention, r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation' AND 1=1 AND EXISTS (SELECT 1 FROM records u JOIN record_topics t ON t.device_id = u.device_id AND t.seq = u.seq WHERE u.device_id = r.device_id AND u.conversation_id = r.conversation_id AND t.topic_id = 'complaint') ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: conv_site_sentiment
SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention, r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation' AND r.site IN ('site-002') AND EXISTS (SELECT 1 FROM records u WHERE u.device_id = r.device_id AND u.conversation_id = r.conversation_id AND u.kind = 'utterance' AND u.sentiment = 'negative') ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: conv_attention
SELECT r.device_id, r.site, r.conversation_id, r.corrected_at, r.attention, r.payload, d.name FROM records r LEFT JOIN devices d ON d.device_id = r.device_id WHERE r.kind = 'conversation' AND 1=1 AND r.attention = true ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: conversation_view
SELECT r.seq, r.kind, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r WHERE r.device_id = 'bench-00017' AND r.conversation_id = 'conv-123457' AND r.kind IN ('utterance', 'conversation') AND 1=1 ORDER BY r.seq;
-- name: conversation_site
SELECT site FROM records WHERE device_id = 'bench-00017' AND conversation_id = 'conv-123457' LIMIT 1;
-- name: search_all_common
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = '的' AND 1=1 ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: search_all_rare
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = 'braking' AND 1=1 ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: search_site_common
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = '的' AND st.site IN ('site-002') ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: search_2sites_common
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = '的' AND st.site IN ('site-001','site-003') ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: search_site_rare
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = 'braking' AND st.site IN ('site-002') ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: search_site_absent
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = '的' AND st.site IN ('site-999') ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: search_site_2terms_week
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = '车' AND st.site IN ('site-002') AND st.at >= now() - interval '14 days' AND st.at < now() - interval '7 days' AND EXISTS (SELECT 1 FROM search_terms s2 WHERE s2.term = '您' AND s2.site = st.site AND s2.at = st.at AND s2.device_id = st.device_id AND s2.seq = st.seq) ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: search_all_2terms_filters
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM search_terms st JOIN records r ON r.device_id = st.device_id AND r.seq = st.seq WHERE st.term = 'braking' AND 1=1 AND EXISTS (SELECT 1 FROM search_terms s2 WHERE s2.term = 'car' AND s2.site = st.site AND s2.at = st.at AND s2.device_id = st.device_id AND s2.seq = st.seq) AND r.sentiment = 'negative' AND EXISTS (SELECT 1 FROM record_topics t WHERE t.device_id = r.device_id AND t.seq = r.seq AND t.topic_id = 'vehicle_quality') ORDER BY st.at DESC, st.device_id, st.seq DESC LIMIT 50 OFFSET 0;
-- name: utt_all
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r WHERE r.kind = 'utterance' AND 1=1 ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: utt_all_sentiment
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r WHERE r.kind = 'utterance' AND 1=1 AND r.sentiment = 'negative' ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: utt_all_speaker
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r WHERE r.kind = 'utterance' AND 1=1 AND r.speaker_role = 'staff' ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: utt_site_sentiment_speaker
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r WHERE r.kind = 'utterance' AND r.site IN ('site-002') AND r.sentiment = 'positive' AND r.speaker_role = 'customer' ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: utt_site_topic
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r WHERE r.kind = 'utterance' AND r.site IN ('site-002') AND EXISTS (SELECT 1 FROM record_topics t WHERE t.device_id = r.device_id AND t.seq = r.seq AND t.topic_id = 'complaint') ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: utt_all_attention
SELECT r.device_id, r.seq, r.site, r.conversation_id, r.corrected_at, r.speaker_role, r.lang, r.text, r.sentiment, r.sentiment_score, r.payload FROM records r WHERE r.kind = 'utterance' AND 1=1 AND EXISTS (SELECT 1 FROM records cv WHERE cv.device_id = r.device_id AND cv.conversation_id = r.conversation_id AND cv.kind = 'conversation' AND cv.attention = true) ORDER BY r.corrected_at DESC, r.device_id, r.seq DESC LIMIT 50 OFFSET 0;
-- name: rules_recent_conversations
SELECT payload FROM records WHERE site = 'site-002' AND kind = 'conversation' AND corrected_at <= now() ORDER BY corrected_at DESC LIMIT 20;
-- name: rules_count_topic
SELECT count(*) FROM records r JOIN record_topics t ON t.device_id = r.device_id AND t.seq = r.seq WHERE r.site = 'site-002' AND r.kind = 'utterance' AND t.topic_id = 'price' AND r.corrected_at > now() - interval '1 hour' AND r.corrected_at <= now();
-- name: rules_count_topic_day
SELECT count(*) FROM records r JOIN record_topics t ON t.device_id = r.device_id AND t.seq = r.seq WHERE r.site = 'site-002' AND r.kind = 'utterance' AND t.topic_id = 'complaint' AND r.corrected_at > now() - interval '1 day' AND r.corrected_at <= now();
-- name: forget_window
SELECT seq FROM records WHERE device_id = 'bench-00017' AND corrected_at >= now() - interval '2 days' AND corrected_at <= now() - interval '1 day';
-- name: corrections_conversation
SELECT k.id FROM insight_corrections k JOIN records r ON r.device_id = k.device_id AND r.seq = k.seq WHERE k.device_id = 'bench-00017' AND r.conversation_id = 'conv-123457' ORDER BY k.id;
-- name: rule_preview_page
SELECT r.device_id, r.seq, r.corrected_at, string_agg(t.topic_id, ',') AS topics FROM records r LEFT JOIN record_topics t ON t.device_id = r.device_id AND t.seq = r.seq WHERE (r.corrected_at > now() - interval '1 day' OR (r.corrected_at = now() - interval '1 day' AND (r.device_id > '' OR (r.device_id = '' AND r.seq > 0)))) AND r.corrected_at <= now() GROUP BY r.device_id, r.seq, r.corrected_at ORDER BY r.corrected_at, r.device_id, r.seq LIMIT 500;
