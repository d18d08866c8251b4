-- The rate limits shared by every instance (issue 22): one Bucket4j token bucket per limit and client address
-- (identity.SharedBuckets; keys such as 'login:203.0.113.9' and 'api:203.0.113.9'), read and written under
-- select ... for update, so two instances spend from the same bucket. expires_at (epoch milliseconds) is when the
-- bucket would be full again; a bucket past it is deleted by a scheduled clean-up. Bucket4j inserts the row with its id
-- first (state null) and fills it under the row lock.
create table identity.rate_limit_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expiry_idx on identity.rate_limit_bucket (expires_at);
