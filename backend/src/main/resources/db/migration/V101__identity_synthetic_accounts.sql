-- Synthetic viewer accounts (the load fleet's, made by an SRE through /api/ops/synthetic-viewers) are marked, so
-- that the console and the metrics can tell them from people. Existing accounts are people.
alter table identity_account add column synthetic boolean default false not null;
create index identity_account_synthetic on identity_account (synthetic);
