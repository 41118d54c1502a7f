-- What a decider saw when deciding, beyond choice and comment: e.g. the time left of an upgrade
-- attempt. "name=value" pairs named by the user task's property decisionContext.
alter table decision add column context varchar(1000);
