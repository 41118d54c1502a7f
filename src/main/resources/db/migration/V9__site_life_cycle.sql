-- The life cycle recorded from the start: a site's registration is a row of its state history too,
-- with from_state null (who registered it in changed_by, the run that did in run).
alter table site_state_history alter column from_state drop not null;

-- Sites registered before this migration: their registration in the state they were registered in
-- (the from_state of their first change, or their state now when they never changed), by no one known.
insert into site_state_history (site, from_state, to_state, changed_by, changed_at, run)
select s.name, null,
       coalesce((select h.from_state from site_state_history h
                 where h.site = s.name
                   and h.id = (select min(f.id) from site_state_history f where f.site = s.name)), s.state),
       null, s.created_at, null
from site s;

-- Where archive-site moved an ARCHIVED site's directory; directory keeps where it lived, in the root.
alter table site add column archived_to varchar(500);
