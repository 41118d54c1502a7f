-- How long each preview's sync is expected to take (its last successful sync, null when it never
-- synced), noted when the night lists its previews: the night starts the production with the most
-- sync time left first.
alter table nightly_sync_site add column expected_millis bigint;
