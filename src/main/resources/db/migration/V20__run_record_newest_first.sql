-- The audit lists (/api/runs, /runs) show runs newest first, a page at a time: an index in that order
-- lets a page read its rows instead of sorting every run, and one per filter (site exists already,
-- V3) lets a page and its count read only the matching runs. A running run has no outcome yet (the
-- outcome and the end are written together), so the outcome index serves "RUNNING" too.
create index run_record_started on run_record (started_at desc, process_instance_id desc);
create index run_record_process on run_record (process_key, started_at);
create index run_record_outcome on run_record (outcome, started_at);
