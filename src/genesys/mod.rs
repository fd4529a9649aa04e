//! The only code that talks HTTP: regions, OAuth client credentials, paging, rate limits,
//! retries. It can only GET (plus the token POST): read-only by construction.

use crate::snapshot::Snapshot;

/// Everything needed to read one organization.
#[derive(Debug, Clone)]
pub struct Config {
    /// The API base URL (`https://api.mypurecloud.ie`).
    pub api_base: String,
    /// The login base URL (`https://login.mypurecloud.ie`).
    pub login_base: String,
    /// OAuth client id.
    pub client_id: String,
    /// OAuth client secret (never logged).
    pub client_secret: String,
    /// Requests in flight at once.
    pub concurrency: usize,
}

/// Counters for the summary line.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Requests sent (token requests included).
    pub requests: u64,
    /// Requests retried.
    pub retries: u64,
}

/// Why the organization could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Anything, for now.
    #[error("{0}")]
    Other(String),
}

/// Reads the organization into a snapshot, reusing unchanged flow documents from `previous`.
pub async fn fetch(
    config: &Config,
    previous: Option<&Snapshot>,
) -> Result<(Snapshot, Stats), Error> {
    let _ = (config, previous);
    Err(Error::Other("live extraction is not built yet".into()))
}
