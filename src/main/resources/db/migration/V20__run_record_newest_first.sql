-- The audit lists (/api/runs, /runs) show runs newest first, a page at a time: an index in that order
-- lets a page read its rows instead of sorting every run. The one per process serves the process
-- filter and tells a known process key from an unknown one without reading all runs.
create index run_record_started on run_record (started_at desc, process_instance_id desc);
create index run_record_process on run_record (process_key, started_at);
