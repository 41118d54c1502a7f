-- The four-eyes rule of a site: who started a run on it may not be the one who signs it off.
alter table site add column four_eyes boolean default false not null;
