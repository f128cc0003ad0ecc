-- Issue 14, the Fleet page: every remote command sent from the console (who, what, which device, when), joined with
-- the device's answer in command_results by command_id. The console's audit log has a line for each too.
CREATE TABLE fleet_commands (
  command_id TEXT PRIMARY KEY,
  device_id  TEXT NOT NULL,
  site       TEXT NOT NULL,
  name       TEXT NOT NULL,
  actor      TEXT NOT NULL,
  sent_at    TEXT NOT NULL,
  outcome    TEXT NOT NULL  -- sent, or why it was not (broker not connected)
);
CREATE INDEX fleet_commands_site_sent ON fleet_commands (site, sent_at);
CREATE INDEX fleet_commands_sent ON fleet_commands (sent_at);
