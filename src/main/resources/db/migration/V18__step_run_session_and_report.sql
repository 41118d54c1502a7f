-- The session (setsid) of the command a step runs or ran last: after a crash, its leftover processes
-- are found by it and ended. The start time (clock ticks since boot) and boot id tell the session from
-- a later one that reuses the number.
alter table step_run add column session_id bigint;
alter table step_run add column session_start bigint;
alter table step_run add column session_boot varchar(64);

-- What a finished step tells the engine, kept until the engine has taken it: a completion refused
-- (instance suspended, lock lost, Conductor restarted in between) is reported again, never re-run.
--   handover          COMPLETE, BPMN_ERROR or FAILURE
--   handover_data     its variables or error, as JSON
--   report_state      PENDING (not taken yet), REPORTED, GONE (the task no longer exists)
--   report_note       refusals and when it was taken, for the operator
alter table step_run add column handover varchar(16);
alter table step_run add column handover_data text;
alter table step_run add column report_state varchar(16);
alter table step_run add column reported_at timestamp;
alter table step_run add column report_note varchar(4000);
create index step_run_report on step_run (report_state, node);
