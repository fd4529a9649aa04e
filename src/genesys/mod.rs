//! The only code that talks HTTP: regions, OAuth client credentials, paging, rate limits,
//! retries. It can only GET (plus the token POST): read-only by construction, because the
//! public API offers nothing but [`fetch`] / [`fetch_blocking`] and the region helpers.
//!
//! Async stays inside this module: [`fetch_blocking`] builds its own tokio runtime.

mod auth;
mod client;
mod fetch;
mod paging;
pub mod region;

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::snapshot::{FlowVersion, Snapshot};

pub use fetch::{fetch, page_size};

/// The OAuth client secret. Its `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret read from the environment, a file or stdin.
    pub fn new(secret: impl Into<String>) -> Secret {
        Secret(secret.into())
    }

    /// The secret itself, for the token request only.
    fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Everything needed to read one organization.
#[derive(Debug, Clone)]
pub struct Config {
    /// The API base URL (`https://api.mypurecloud.ie`).
    pub api_base: String,
    /// The login base URL (`https://login.mypurecloud.ie`).
    pub login_base: String,
    /// The region as the user gave it (for messages and `snapshot.json`).
    pub region: String,
    /// OAuth client id.
    pub client_id: String,
    /// OAuth client secret (never logged).
    pub client_secret: Secret,
    /// Requests in flight at once (default 4).
    pub concurrency: usize,
    /// Longest `Retry-After` honoured; a longer one fails the request (default 180 s).
    pub retry_after_ceiling: Duration,
    /// Attempts per request before it fails (default 6).
    pub max_attempts: u32,
    /// First back-off wait after a transient failure; doubles per attempt, jittered.
    pub backoff: Duration,
    /// Timeout of one request.
    pub request_timeout: Duration,
    /// Which flow version's document to read.
    pub flow_version: FlowVersion,
    /// Show a progress bar on stderr.
    pub progress: bool,
}

impl Config {
    /// A configuration with the defaults for everything but where and who.
    pub fn new(
        endpoints: region::Endpoints,
        region: &str,
        client_id: &str,
        secret: Secret,
    ) -> Self {
        Config {
            api_base: endpoints.api_base,
            login_base: endpoints.login_base,
            region: region.to_string(),
            client_id: client_id.to_string(),
            client_secret: secret,
            concurrency: 4,
            retry_after_ceiling: Duration::from_secs(180),
            max_attempts: 6,
            backoff: Duration::from_millis(500),
            request_timeout: Duration::from_secs(60),
            flow_version: FlowVersion::Published,
            progress: false,
        }
    }
}

/// Counters for the summary line.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Objects read per kind word (`flow`, `queue`, ...).
    pub objects: BTreeMap<String, usize>,
    /// Flow documents requested from the API.
    pub documents_fetched: usize,
    /// Flow documents reused from the previous snapshot.
    pub documents_reused: usize,
    /// HTTP requests sent, token requests included.
    pub requests: u64,
    /// Requests sent again after a failure.
    pub retries: u64,
    /// Responses that were 429.
    pub throttled: u64,
    /// Pauses taken because the rate-limit headers said the window was nearly used up.
    pub rate_limit_pauses: u64,
    /// How long the reading took.
    pub elapsed: Duration,
    /// Things that look wrong but did not stop the run (count mismatches).
    pub warnings: Vec<String>,
}

impl Stats {
    /// The one-line summary: `read 3 flow, 2 queue (2 documents fetched, 1 reused) with ...`.
    pub fn summary(&self) -> String {
        let objects: Vec<String> = self
            .objects
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        format!(
            "read {} ({} flow documents fetched, {} reused) with {} requests, {} retries, \
             {} throttled (429), {} rate-limit pauses",
            if objects.is_empty() {
                "nothing".to_string()
            } else {
                objects.join(", ")
            },
            self.documents_fetched,
            self.documents_reused,
            self.requests,
            self.retries,
            self.throttled,
            self.rate_limit_pauses,
        )
    }
}

/// Why the organization could not be read (a 403 is not an error: it becomes a gap).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The token endpoint rejected the client id or secret.
    #[error(
        "the login host {host} (region {region}) rejected the OAuth client credentials: {detail}; \
         check GENESYSCLOUD_OAUTHCLIENT_ID, the secret and the region"
    )]
    BadCredentials {
        /// The region as given.
        region: String,
        /// The login base URL used.
        host: String,
        /// What the server said.
        detail: String,
    },
    /// A token could not be obtained for another reason.
    #[error("cannot get a token from {host} (region {region}): {detail}")]
    Token {
        /// The region as given.
        region: String,
        /// The login base URL used.
        host: String,
        /// What went wrong.
        detail: String,
    },
    /// A 429 asked for a longer wait than the ceiling allows.
    #[error(
        "GET {endpoint} was throttled and asked to wait {wait} s (Retry-After), more than the \
         {ceiling} s ceiling (--retry-after-ceiling)"
    )]
    RetryAfterTooLong {
        /// Path and query of the request.
        endpoint: String,
        /// The wait asked for, in seconds.
        wait: u64,
        /// The ceiling, in seconds.
        ceiling: u64,
    },
    /// Transient failures did not stop within the bounded number of attempts.
    #[error("GET {endpoint} failed {attempts} times; last: {last}")]
    GaveUp {
        /// Path and query of the request.
        endpoint: String,
        /// Attempts made.
        attempts: u32,
        /// The last failure.
        last: String,
    },
    /// The API answered with an error status that retrying cannot fix.
    #[error("GET {endpoint}: HTTP {status}: {message}")]
    Status {
        /// Path and query of the request.
        endpoint: String,
        /// HTTP status.
        status: u16,
        /// The error body's `code`, `message` in one line.
        message: String,
        /// The permission the error body names, if any.
        permission: Option<String>,
    },
    /// A response was not the shape the endpoint documents.
    #[error("GET {endpoint}: {message}")]
    Shape {
        /// Path and query of the request.
        endpoint: String,
        /// What is wrong.
        message: String,
    },
    /// The HTTP client or the async runtime could not be set up.
    #[error("cannot start the API client: {0}")]
    Setup(String),
}

/// [`fetch`] on a runtime of its own, for synchronous callers.
pub fn fetch_blocking(
    config: &Config,
    previous: Option<&Snapshot>,
) -> Result<(Snapshot, Stats), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Setup(e.to_string()))?;
    runtime.block_on(fetch(config, previous))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_of_a_config_hides_the_secret() {
        let endpoints = region::resolve(Some("eu-west-1"), None, None).expect("region");
        let config = Config::new(endpoints, "eu-west-1", "id-1", Secret::new("s3cr3t-value"));
        let text = format!("{config:?} {}", config.client_secret);
        assert!(!text.contains("s3cr3t-value"), "{text}");
        assert!(text.contains("client_secret: Secret([redacted])"), "{text}");
    }
}
