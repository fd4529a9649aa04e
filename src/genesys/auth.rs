//! OAuth client credentials: the token POST (the one non-GET request gcdocs makes), the
//! cached token, re-minting shortly before expiry or after a 401, and the token endpoint's
//! own throttling (HTTP 400 `invalid_request`, "rate limit exceeded"), retried for a minute.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde::Deserialize;
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::{Config, Error, Secret};

/// How long token-endpoint throttling is retried before giving up.
const THROTTLE_BUDGET: Duration = Duration::from_secs(60);
/// Attempts at a token request that fails for a transient reason (5xx, network).
const TRANSIENT_ATTEMPTS: u32 = 4;

/// Hands out a valid bearer token, minting a new one when needed.
pub(crate) struct Auth {
    http: reqwest::Client,
    token_url: String,
    login_base: String,
    region: String,
    client_id: String,
    secret: Secret,
    current: Mutex<Option<Token>>,
    /// Token requests sent.
    pub(crate) requests: AtomicU64,
}

/// A token and when to stop using it. No `Debug`: the value is a credential.
struct Token {
    value: String,
    refresh_at: Instant,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    expires_in: Option<u64>,
}

#[derive(Deserialize, Default)]
struct TokenError {
    #[serde(default)]
    error: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    error_description: String,
}

enum Attempt {
    Minted(Token),
    Throttled(String),
    Transient(String),
}

impl Auth {
    /// Sets up the token source for `config`; no request is sent yet.
    pub(crate) fn new(http: reqwest::Client, config: &Config) -> Auth {
        Auth {
            http,
            token_url: format!("{}/oauth/token", config.login_base),
            login_base: config.login_base.clone(),
            region: config.region.clone(),
            client_id: config.client_id.clone(),
            secret: config.client_secret.clone(),
            current: Mutex::new(None),
            requests: AtomicU64::new(0),
        }
    }

    /// A token that is not about to expire, minted if there is none.
    pub(crate) async fn token(&self) -> Result<String, Error> {
        let mut current = self.current.lock().await;
        if let Some(token) = current.as_ref().filter(|t| Instant::now() < t.refresh_at) {
            return Ok(token.value.clone());
        }
        let token = self.mint().await?;
        let value = token.value.clone();
        *current = Some(token);
        Ok(value)
    }

    /// Forgets `stale` after the API rejected it, so the next [`Auth::token`] mints anew.
    /// Concurrent requests that saw the same 401 cause one new token, not several.
    pub(crate) async fn reject(&self, stale: &str) {
        let mut current = self.current.lock().await;
        if current.as_ref().is_some_and(|t| t.value == stale) {
            *current = None;
        }
    }

    async fn mint(&self) -> Result<Token, Error> {
        let started = Instant::now();
        let mut transient = 0;
        let mut wait = Duration::from_secs(1);
        loop {
            let last = match self.attempt().await? {
                Attempt::Minted(token) => return Ok(token),
                Attempt::Throttled(detail) if started.elapsed() + wait <= THROTTLE_BUDGET => {
                    tracing::debug!("token endpoint throttled: {detail}; waiting {wait:?}");
                    detail
                }
                Attempt::Transient(detail) if transient + 1 < TRANSIENT_ATTEMPTS => {
                    transient += 1;
                    detail
                }
                Attempt::Throttled(detail) | Attempt::Transient(detail) => {
                    return Err(self.token_error(detail));
                }
            };
            tracing::debug!("token request failed: {last}; retrying in {wait:?}");
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(Duration::from_secs(10));
        }
    }

    async fn attempt(&self) -> Result<Attempt, Error> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let sent = self
            .http
            .post(&self.token_url)
            .basic_auth(&self.client_id, Some(self.secret.expose()))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await;
        let response = match sent {
            Ok(response) => response,
            Err(e) => return Ok(Attempt::Transient(super::client::describe(&e))),
        };
        let status = response.status().as_u16();
        let body = match response.bytes().await {
            Ok(body) => body,
            Err(e) => return Ok(Attempt::Transient(super::client::describe(&e))),
        };
        self.classify(status, &body)
    }

    fn classify(&self, status: u16, body: &[u8]) -> Result<Attempt, Error> {
        if (200..300).contains(&status) {
            let parsed: TokenResponse = match serde_json::from_slice(body) {
                Ok(parsed) => parsed,
                Err(e) => {
                    return Ok(Attempt::Transient(format!(
                        "unreadable token response: {e}"
                    )));
                }
            };
            return Ok(Attempt::Minted(fresh(parsed)));
        }
        let err: TokenError = serde_json::from_slice(body).unwrap_or_default();
        let detail = [&err.error_description, &err.description, &err.error]
            .into_iter()
            .find(|s| !s.is_empty())
            .cloned()
            .unwrap_or_else(|| format!("HTTP {status}"));
        let detail = format!("HTTP {status} {}: {detail}", err.error).replace(" : ", ": ");
        let detail = self.redact(&detail);
        if status == 400
            && err.error == "invalid_request"
            && detail.to_ascii_lowercase().contains("rate limit exceeded")
        {
            return Ok(Attempt::Throttled(detail));
        }
        if status >= 500 || status == 429 {
            return Ok(Attempt::Transient(detail));
        }
        if status == 401 || err.error == "invalid_client" || err.error == "unauthorized_client" {
            return Err(Error::BadCredentials {
                region: self.region.clone(),
                host: self.login_base.clone(),
                detail,
            });
        }
        Err(self.token_error(detail))
    }

    /// The server's words, with the secret and the Basic credential it may echo cut out.
    fn redact(&self, text: &str) -> String {
        use base64::Engine as _;
        let secret = self.secret.expose();
        if secret.is_empty() {
            return text.to_string();
        }
        let pair = format!("{}:{secret}", self.client_id);
        let basic = base64::engine::general_purpose::STANDARD.encode(&pair);
        [basic.as_str(), pair.as_str(), secret]
            .into_iter()
            .fold(text.to_string(), |out, needle| {
                out.replace(needle, "[redacted]")
            })
    }

    fn token_error(&self, detail: String) -> Error {
        Error::Token {
            region: self.region.clone(),
            host: self.login_base.clone(),
            detail,
        }
    }
}

/// A token is used until shortly before it expires: 60 s early, or at half its life when
/// it lives less than two minutes.
fn fresh(parsed: TokenResponse) -> Token {
    let lifetime = Duration::from_secs(parsed.expires_in.unwrap_or(86_400));
    let margin = Duration::from_secs(60).min(lifetime / 2);
    Token {
        value: parsed.access_token,
        refresh_at: Instant::now() + lifetime - margin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refresh_after(expires_in: Option<u64>) -> Duration {
        let token = fresh(TokenResponse {
            access_token: "t".into(),
            expires_in,
        });
        token.refresh_at.duration_since(Instant::now())
    }

    #[test]
    fn a_token_is_renewed_a_minute_early_or_at_half_a_short_life() {
        let day = refresh_after(None).as_secs();
        assert!((86_338..=86_340).contains(&day), "{day}");
        let hour = refresh_after(Some(3_600)).as_secs();
        assert!((3_538..=3_540).contains(&hour), "{hour}");
        let short = refresh_after(Some(60)).as_secs();
        assert!((28..=30).contains(&short), "{short}");
    }

    #[test]
    fn a_token_endpoint_that_echoes_the_credentials_does_not_leak_them() {
        use base64::Engine as _;
        let endpoints = super::super::region::resolve(None, Some("http://127.0.0.1:9"), None)
            .expect("loopback URL");
        let config = Config::new(endpoints, "test", "my-id", Secret::new("Sup3r-Secret"));
        let auth = Auth::new(reqwest::Client::new(), &config);
        let basic = base64::engine::general_purpose::STANDARD.encode("my-id:Sup3r-Secret");
        let body = format!(
            r#"{{"error":"invalid_client","description":"got Basic {basic} = my-id:Sup3r-Secret"}}"#
        );
        let Err(err) = auth.classify(401, body.as_bytes()) else {
            panic!("bad credentials are an error")
        };
        let text = err.to_string();
        assert!(
            !text.contains("Sup3r-Secret") && !text.contains(&basic),
            "{text}"
        );
        assert!(text.contains("got Basic [redacted] = [redacted]"), "{text}");
    }
}
