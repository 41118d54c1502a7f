-- The record of each nightly-sync run: one row per preview site it was to sync, saying whether it
-- synced, failed or was skipped and why. Owned by the preview feature; kept after Camunda's history
-- of the run has been cleaned up, and after the site is gone.
create table nightly_sync_site (
  nightly_run   varchar(64)   not null,
  site          varchar(30)   not null,
  result        varchar(16)   not null,
  sync_run      varchar(64),
  detail        varchar(4000),
  updated_at    timestamp     not null,
  primary key (nightly_run, site)
);
