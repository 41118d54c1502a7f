-- A site's host: only the step agent of that host runs the site's steps (null: the server's own worker).
alter table site add column host varchar(63);

-- The host a run was started for, fixed with the rest of its identity: a later change of the site's
-- registration does not move a run that has begun to another host.
alter table run_identity add column host varchar(63);

-- When the agent of each host last asked for work (agent.AgentPresence), and for which steps (the topics
-- of its fetch, one a line). A connected agent asks again at least once per long poll, so a host whose
-- last visit is older has no agent: its runs wait.
create table agent_presence (
  host      varchar(63)   not null,
  node      varchar(128)  not null,
  user_id   varchar(128)  not null,
  last_seen timestamp     not null,
  topics    varchar(4000) not null,
  primary key (host, node)
);
