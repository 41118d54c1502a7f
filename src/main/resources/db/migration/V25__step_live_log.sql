-- The last lines of a step that a step agent runs, while it runs: the agent sends them every second
-- (conductor.agent.live-log-every), the run page shows them live. The full log stays on the agent's host;
-- the row goes when the step ends (its record keeps the last lines then).
create table step_live_log (
  step_run_id bigint        not null primary key,
  log_name    varchar(255)  not null,
  from_offset bigint        not null,
  content     text          not null,
  updated_at  timestamp     not null
);
