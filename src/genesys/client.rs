//! One GET against the API, made reliable: bounded concurrency, pacing from the
//! `inin-ratelimit-*` headers before a 429 happens, `Retry-After` honoured up to a ceiling,
//! 5xx / timeouts / dropped connections / cut bodies retried with jittered back-off, a 401
//! answered by one new token and a replay. Only `get` exists: nothing else can be sent.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::{Mutex, Semaphore};
use tokio::time::Instant;

use super::auth::Auth;
use super::{Config, Error};

/// A GET-only API client for one organization.
pub(crate) struct Client {
    http: reqwest::Client,
    api_base: String,
    pub(crate) auth: Auth,
    gate: Semaphore,
    concurrency: usize,
    pacer: Pacer,
    retry_after_ceiling: Duration,
    max_attempts: u32,
    backoff: Duration,
    /// API requests sent (token requests are counted by [`Auth`]).
    pub(crate) requests: AtomicU64,
    /// Requests sent again.
    pub(crate) retries: AtomicU64,
    /// 429 responses.
    pub(crate) throttled: AtomicU64,
}

/// What one attempt ended with, when it did not succeed.
enum Failure {
    Unauthorized,
    Throttled(Option<u64>),
    Transient(String),
    Fatal(Error),
}

/// Holds new requests back when the rate-limit window is nearly used up.
struct Pacer {
    resume_at: Mutex<Option<Instant>>,
    pauses: AtomicU64,
}

impl Client {
    /// Builds the client; nothing is sent yet.
    pub(crate) fn new(config: &Config) -> Result<Client, Error> {
        let http = reqwest::Client::builder()
            .timeout(config.request_timeout)
            .connect_timeout(Duration::from_secs(15))
            .user_agent(concat!("gcdocs/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Setup(describe(&e)))?;
        let concurrency = config.concurrency.max(1);
        Ok(Client {
            auth: Auth::new(http.clone(), config),
            http,
            api_base: config.api_base.clone(),
            gate: Semaphore::new(concurrency),
            concurrency,
            pacer: Pacer {
                resume_at: Mutex::new(None),
                pauses: AtomicU64::new(0),
            },
            retry_after_ceiling: config.retry_after_ceiling,
            max_attempts: config.max_attempts.max(1),
            backoff: config.backoff,
            requests: AtomicU64::new(0),
            retries: AtomicU64::new(0),
            throttled: AtomicU64::new(0),
        })
    }

    /// Pauses taken by the pacer.
    pub(crate) fn pauses(&self) -> u64 {
        self.pacer.pauses.load(Ordering::Relaxed)
    }

    /// GETs `endpoint` (path and query) and parses the JSON body, retrying what can be
    /// retried.
    pub(crate) async fn get(&self, endpoint: &str) -> Result<Value, Error> {
        let _permit = self.gate.acquire().await.expect("the gate is never closed");
        let mut attempts = 0;
        let mut reminted = false;
        loop {
            attempts += 1;
            self.pacer.wait().await;
            let token = self.auth.token().await?;
            let failure = match self.send(endpoint, &token).await {
                Ok(value) => return Ok(value),
                Err(failure) => failure,
            };
            let wait = match failure {
                Failure::Fatal(e) => return Err(e),
                Failure::Unauthorized if !reminted => {
                    reminted = true;
                    attempts -= 1;
                    self.auth.reject(&token).await;
                    Duration::ZERO
                }
                Failure::Unauthorized => {
                    return Err(self.gave_up(endpoint, attempts, "HTTP 401 after a new token"));
                }
                Failure::Throttled(after) => {
                    let wait = self.throttle_wait(endpoint, after, attempts)?;
                    self.pacer.hold(wait).await;
                    wait
                }
                Failure::Transient(last) if attempts >= self.max_attempts => {
                    return Err(self.gave_up(endpoint, attempts, &last));
                }
                Failure::Transient(last) => {
                    tracing::debug!("GET {endpoint}: {last}; retrying");
                    self.backoff_wait(attempts)
                }
            };
            if attempts >= self.max_attempts {
                return Err(self.gave_up(endpoint, attempts, "still throttled (HTTP 429)"));
            }
            self.retries.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(wait).await;
        }
    }

    async fn send(&self, endpoint: &str, token: &str) -> Result<Value, Failure> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let response = self
            .http
            .get(format!("{}{endpoint}", self.api_base))
            .bearer_auth(token)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| Failure::Transient(describe(&e)))?;
        let in_use = self
            .concurrency
            .saturating_sub(self.gate.available_permits());
        let others = in_use.saturating_sub(1);
        self.pacer.observe(response.headers(), others as u64).await;
        let status = response.status().as_u16();
        let retry_after = header_u64(response.headers(), "retry-after");
        let body = response.bytes().await.map_err(|e| {
            Failure::Transient(format!("response body cut short: {}", describe(&e)))
        })?;
        match status {
            200..=299 => serde_json::from_slice(&body).map_err(|e| {
                Failure::Transient(format!("unreadable JSON ({} bytes): {e}", body.len()))
            }),
            401 => Err(Failure::Unauthorized),
            429 => {
                self.throttled.fetch_add(1, Ordering::Relaxed);
                Err(Failure::Throttled(retry_after))
            }
            500 | 502 | 503 | 504 => Err(Failure::Transient(format!("HTTP {status}"))),
            _ => Err(Failure::Fatal(status_error(endpoint, status, &body))),
        }
    }

    fn throttle_wait(
        &self,
        endpoint: &str,
        after: Option<u64>,
        attempts: u32,
    ) -> Result<Duration, Error> {
        let Some(seconds) = after else {
            return Ok(self.backoff_wait(attempts + 1).max(Duration::from_secs(1)));
        };
        if Duration::from_secs(seconds) > self.retry_after_ceiling {
            return Err(Error::RetryAfterTooLong {
                endpoint: endpoint.to_string(),
                wait: seconds,
                ceiling: self.retry_after_ceiling.as_secs(),
            });
        }
        Ok(Duration::from_secs(seconds))
    }

    /// `backoff × 2^(attempt-1)`, at most 30 s, jittered to 50–100 %.
    fn backoff_wait(&self, attempt: u32) -> Duration {
        let full = self
            .backoff
            .saturating_mul(1 << attempt.saturating_sub(1).min(10))
            .min(Duration::from_secs(30));
        full.mul_f64(0.5 + fastrand::f64() / 2.0)
    }

    fn gave_up(&self, endpoint: &str, attempts: u32, last: &str) -> Error {
        Error::GaveUp {
            endpoint: endpoint.to_string(),
            attempts,
            last: last.to_string(),
        }
    }
}

impl Pacer {
    /// Waits while a pause is in force.
    async fn wait(&self) {
        loop {
            let until = *self.resume_at.lock().await;
            match until {
                Some(t) if t > Instant::now() => tokio::time::sleep_until(t).await,
                _ => return,
            }
        }
    }

    /// Holds every new request for `wait` (after a 429: the others would meet one too).
    async fn hold(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut resume_at = self.resume_at.lock().await;
        if resume_at.is_none_or(|t| t < until) {
            *resume_at = Some(until);
        }
    }

    /// Reads `inin-ratelimit-allowed/count/reset`; when the requests left in the window
    /// are no more than the `others` in flight will use, holds new requests until the
    /// window resets. (A new request starts only after a response was observed, so the
    /// requests in flight are all that can reach the server unobserved.)
    async fn observe(&self, headers: &reqwest::header::HeaderMap, others: u64) {
        let allowed = header_u64(headers, "inin-ratelimit-allowed");
        let count = header_u64(headers, "inin-ratelimit-count");
        let reset = header_u64(headers, "inin-ratelimit-reset");
        let (Some(allowed), Some(count), Some(reset)) = (allowed, count, reset) else {
            return;
        };
        if allowed.saturating_sub(count) > others {
            return;
        }
        let until = Instant::now() + Duration::from_secs(reset) + Duration::from_millis(50);
        let mut resume_at = self.resume_at.lock().await;
        if resume_at.is_none_or(|t| t < until) {
            if resume_at.is_none_or(|t| t < Instant::now()) {
                self.pauses.fetch_add(1, Ordering::Relaxed);
                tracing::debug!("rate limit: {count} of {allowed} used; pausing {reset} s");
            }
            *resume_at = Some(until);
        }
    }
}

fn header_u64(headers: &reqwest::header::HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// The API's error body in one line, with the permission a 403 names.
fn status_error(endpoint: &str, status: u16, body: &[u8]) -> Error {
    let parsed: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let text = |key: &str| {
        parsed
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let (code, message) = (text("code"), text("message"));
    let message = match (code.is_empty(), message.is_empty()) {
        (false, false) => format!("{code}: {message}"),
        (false, true) => code,
        (true, false) => message,
        (true, true) => "no error body".to_string(),
    };
    Error::Status {
        endpoint: endpoint.to_string(),
        status,
        permission: (status == 403)
            .then(|| permission_named(&message))
            .flatten(),
        message: message.replace(['\n', '\r'], " "),
    }
}

/// The permission(s) a 403 message names: the text in `[...]`, or after `permission(s):`.
pub(crate) fn permission_named(message: &str) -> Option<String> {
    let listed = match (message.rfind('['), message.rfind(']')) {
        (Some(open), Some(close)) if open < close => Some(&message[open + 1..close]),
        _ => message
            .find("permission(s):")
            .map(|at| &message[at + "permission(s):".len()..]),
    }?;
    let listed = listed.trim().trim_end_matches('.').trim();
    (!listed.is_empty()).then(|| listed.to_string())
}

/// A reqwest error in one line, with its causes (the URL carries no secret).
pub(crate) fn describe(e: &reqwest::Error) -> String {
    let mut text = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "cannot connect".to_string()
    } else {
        e.to_string()
    };
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_permission_comes_from_either_message_form() {
        let any = "Unable to perform the requested action. You must have at least one of the \
                   following permissions assigned: [telephony:plugin:all]";
        assert_eq!(
            permission_named(any).as_deref(),
            Some("telephony:plugin:all")
        );
        let missing = "You are missing the following permission(s): architect:flow:view.";
        assert_eq!(
            permission_named(missing).as_deref(),
            Some("architect:flow:view")
        );
        assert_eq!(permission_named("not authorized"), None);
    }

    #[test]
    fn a_403_body_becomes_one_line_with_its_permission() {
        let body = br#"{"status":403,"code":"missing.any.permissions","message":"need [a:b:c]"}"#;
        let Error::Status {
            status,
            message,
            permission,
            ..
        } = status_error("/api/v2/x", 403, body)
        else {
            panic!("not a status error");
        };
        assert_eq!(status, 403);
        assert_eq!(message, "missing.any.permissions: need [a:b:c]");
        assert_eq!(permission.as_deref(), Some("a:b:c"));
    }
}
