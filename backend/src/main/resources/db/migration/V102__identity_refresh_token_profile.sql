-- A refresh token family started by selecting a profile carries it, so refreshed access tokens keep the profile
-- scope (and its kids restriction). Null for a family started by sign-in (account-level tokens).
alter table identity_refresh_token add column profile_id uuid;
