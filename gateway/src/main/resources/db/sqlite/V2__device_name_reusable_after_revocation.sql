-- A name is unique per site among registered devices only: a replaced device is revoked and its successor
-- enrolled under the same name (issue 7). Revoked rows keep their name for the record.
DROP INDEX devices_site_name;
CREATE UNIQUE INDEX devices_site_name ON devices (site, name) WHERE state = 'registered';
