-- What a run was started with, fixed at its start (step.SiteRunListener, in the start's transaction):
-- every step, listener, decision and diagram expression reads the run's site, production site, dry run
-- and start parameters from here, never again from process variables, which a task completion or a
-- variable update could overwrite. Written once, never changed, kept with the audit record.
create table run_identity (
  process_instance_id varchar(64)   primary key,
  process_key         varchar(128)  not null,
  site                varchar(30)   not null,
  production_site     varchar(30),
  dry_run             boolean       not null,
  started_by          varchar(128),
  started_at          timestamp     not null,
  -- The run that called this one through a call activity (its identity comes from that run's).
  called_by           varchar(64)
);

-- The run's other start parameters, checked and written the way the steps read them (e.g. a
-- duration as PT1H, a start as an ISO instant), one row each.
create table run_parameter (
  process_instance_id varchar(64)   not null references run_identity (process_instance_id),
  name                varchar(64)   not null,
  value_text          varchar(1000) not null,
  primary key (process_instance_id, name)
);
