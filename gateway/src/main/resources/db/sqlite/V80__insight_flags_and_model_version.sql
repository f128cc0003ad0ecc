-- Issue 15: intent flags and the insight model's version as columns, so "who asked for a manager today" and
-- "which model scored this" are plain queries. For utterances the flags are the record's; for conversation summaries
-- they say whether any utterance of the conversation carried the flag; attention mirrors the summary's verdict.
ALTER TABLE records ADD COLUMN escalation INTEGER;
ALTER TABLE records ADD COLUMN churn_risk INTEGER;
ALTER TABLE records ADD COLUMN attention INTEGER;
ALTER TABLE records ADD COLUMN model_version TEXT;
CREATE INDEX records_escalation_time ON records (corrected_at) WHERE escalation = 1;
CREATE INDEX records_churn_time ON records (corrected_at) WHERE churn_risk = 1;
CREATE INDEX records_attention_time ON records (corrected_at) WHERE attention = 1;
