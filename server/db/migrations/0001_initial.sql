-- Waymark collector, schema 1. Runs unchanged on PGlite and on PostgreSQL >= 13.
-- Every table is keyed by tenant first: every query filters on the tenant of the caller's token.

-- Access tokens. The secret itself is never stored, only its SHA-256 (hex).
CREATE TABLE tokens (
  id          text PRIMARY KEY,
  tenant      text NOT NULL,
  role        text NOT NULL CHECK (role IN ('employee', 'champion', 'admin')),
  label       text NOT NULL DEFAULT '',
  secret_hash text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX tokens_tenant ON tokens (tenant, created_at);

-- Events. The common fields are columns for insights queries; the whole event is kept in `body` so
-- that event types added later need no migration of old rows. `ts` is the client's clock in ms since
-- the epoch, exactly as sent (the event's own field); `received_at` is the server's.
-- The primary key makes ingest idempotent per tenant: a retried event is a no-op. It includes the
-- tenant so that one tenant can never learn, through a "duplicate" verdict, which ids another holds.
CREATE TABLE events (
  tenant       text NOT NULL,
  id           uuid NOT NULL,
  type         text NOT NULL,
  user_id      text NOT NULL,
  ts           bigint NOT NULL,
  seq          bigint NOT NULL,
  flow_id      text,
  flow_version integer,
  step_id      text,
  step_index   integer,
  feature_id   text,
  body         jsonb NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, id)
);
CREATE INDEX events_tenant_ts ON events (tenant, ts);
CREATE INDEX events_tenant_type_ts ON events (tenant, type, ts);
CREATE INDEX events_tenant_user_ts ON events (tenant, user_id, ts);
CREATE INDEX events_tenant_flow ON events (tenant, flow_id, flow_version, ts) WHERE flow_id IS NOT NULL;
CREATE INDEX events_tenant_feature ON events (tenant, feature_id, ts) WHERE feature_id IS NOT NULL;

-- One row per flow id: the version counter and whether it is retired. Publishing takes this row's
-- lock (INSERT ... ON CONFLICT DO UPDATE), so concurrent publishes, even on several collector
-- instances, get distinct consecutive versions.
CREATE TABLE flows (
  tenant         text NOT NULL,
  flow_id        text NOT NULL,
  latest_version integer NOT NULL,
  retired_at     timestamptz,
  PRIMARY KEY (tenant, flow_id)
);

-- Every published version, immutable: rows are inserted, never updated.
CREATE TABLE flow_versions (
  tenant       text NOT NULL,
  flow_id      text NOT NULL,
  version      integer NOT NULL,
  doc          jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL,
  PRIMARY KEY (tenant, flow_id, version),
  FOREIGN KEY (tenant, flow_id) REFERENCES flows (tenant, flow_id)
);

-- What each installation of the extension reports about itself.
CREATE TABLE clients (
  tenant     text NOT NULL,
  install_id text NOT NULL,
  dropped    bigint NOT NULL DEFAULT 0,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, install_id)
);
CREATE INDEX clients_tenant_last_seen ON clients (tenant, last_seen);
