//! A mock of the Genesys Cloud Platform API for tests and benchmarks: a real HTTP/1.1 server
//! on 127.0.0.1 that serves any [`Snapshot`] in the API's shapes (paged envelopes, the token
//! endpoint, per-flow version configurations), counts requests per endpoint, and injects
//! faults: 429 with and without `Retry-After`, 5xx, cut bodies, dropped connections, expired
//! tokens, 403s, repeating pages, clamped page sizes, a result ceiling, latency and a
//! per-token rate limit with `inin-ratelimit-*` headers.
//!
//! Use from a test with `#[path = "support/mock_api.rs"] mod mock_api;` and from a bench
//! with `#[path = "../tests/support/mock_api.rs"] mod mock_api;`.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use gcdocs::snapshot::{FlowVersion, List, Meta, Snapshot, Source};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The client id the mock accepts.
pub const CLIENT_ID: &str = "mock-client-id";
/// The client secret the mock accepts.
pub const CLIENT_SECRET: &str = "mock-secret-Zq7WkP3x";

/// What a matching request gets instead of its normal answer.
#[derive(Clone, Debug)]
pub enum Fault {
    /// HTTP 429, with or without `Retry-After` (seconds).
    TooMany {
        /// The `Retry-After` value to send.
        retry_after: Option<u64>,
    },
    /// This status with a generic error body.
    Status(u16),
    /// The headers promise the whole body; half of it is sent, then the connection closes.
    Truncate,
    /// The connection is closed without an answer.
    Drop,
    /// HTTP 403 naming `permission`.
    Forbidden {
        /// The permission named in the message.
        permission: String,
    },
    /// Every token issued so far stops working; this request gets 401.
    ExpireTokens,
    /// Page N is answered with page N-1.
    RepeatPrevious,
    /// The normal page, but its envelope reports this `total`.
    WrongTotal(u64),
    /// The normal answer, sent only after this long (to trip a client timeout).
    Stall(Duration),
}

/// Which requests a fault hits.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The request path; a trailing `*` matches any path with that prefix.
    pub path: String,
    /// Only this `pageNumber`, when set.
    pub page: Option<u64>,
    /// Matching requests let through before the fault starts.
    pub skip: u32,
    /// How many matching requests get the fault (`u32::MAX`: all).
    pub times: u32,
    /// The fault.
    pub fault: Fault,
}

impl Rule {
    /// A rule hitting the first `times` requests to `path`.
    pub fn new(path: &str, times: u32, fault: Fault) -> Rule {
        Rule {
            path: path.to_string(),
            page: None,
            skip: 0,
            times,
            fault,
        }
    }

    /// Only requests for page `page`.
    pub fn on_page(mut self, page: u64) -> Rule {
        self.page = Some(page);
        self
    }

    /// Lets `skip` matching requests through first.
    pub fn after(mut self, skip: u32) -> Rule {
        self.skip = skip;
        self
    }

    fn matches(&self, path: &str, page: u64) -> bool {
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        };
        path_ok && self.page.is_none_or(|p| p == page)
    }
}

/// A per-token rate limit: `allowed` requests per fixed `window`.
#[derive(Clone, Copy, Debug)]
pub struct RateLimit {
    /// Requests per window.
    pub allowed: u64,
    /// Window length.
    pub window: Duration,
}

/// How the mock behaves.
#[derive(Clone, Debug)]
pub struct Options {
    /// Faults, first match wins.
    pub rules: Vec<Rule>,
    /// Largest page size served, whatever was asked.
    pub clamp_page_size: Option<u64>,
    /// Results past this position answer HTTP 400 (the API's 10,000 ceiling).
    pub result_ceiling: Option<u64>,
    /// Delay before every answer.
    pub latency: Duration,
    /// Per-token rate limit.
    pub rate_limit: Option<RateLimit>,
    /// `expires_in` of issued tokens, seconds.
    pub token_ttl: u64,
    /// The first N token requests are throttled (HTTP 400 invalid_request).
    pub token_throttle: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rules: Vec::new(),
            clamp_page_size: None,
            result_ceiling: None,
            latency: Duration::ZERO,
            rate_limit: None,
            token_ttl: 86_400,
            token_throttle: 0,
        }
    }
}

impl Options {
    /// Adds a fault rule.
    pub fn rule(mut self, rule: Rule) -> Options {
        self.rules.push(rule);
        self
    }
}

#[derive(Default)]
struct Tokens {
    issued: u64,
    valid: HashSet<String>,
    windows: HashMap<String, (Instant, u64)>,
}

struct State {
    org: Snapshot,
    options: Options,
    counts: Mutex<BTreeMap<String, u64>>,
    statuses: Mutex<BTreeMap<u16, u64>>,
    targets: Mutex<Vec<String>>,
    rule_hits: Mutex<Vec<u32>>,
    tokens: Mutex<Tokens>,
}

/// A running mock; stopped when dropped.
pub struct MockApi {
    url: String,
    state: Arc<State>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl MockApi {
    /// Starts serving `org` on 127.0.0.1 on a free port.
    pub fn start(org: Snapshot, options: Options) -> MockApi {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).expect("nonblocking");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let state = Arc::new(State {
            rule_hits: Mutex::new(vec![0; options.rules.len()]),
            org,
            options,
            counts: Mutex::default(),
            statuses: Mutex::default(),
            targets: Mutex::default(),
            tokens: Mutex::default(),
        });
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let serving = Arc::clone(&state);
        let thread = std::thread::spawn(move || serve(listener, serving, stopped));
        MockApi {
            url,
            state,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The base URL (`http://127.0.0.1:PORT`), for `--api-url`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The organization served.
    pub fn org(&self) -> &Snapshot {
        &self.state.org
    }

    /// Requests per `METHOD /path` (query left out).
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.state.counts.lock().expect("lock").clone()
    }

    /// Requests to one `METHOD /path`.
    pub fn count(&self, key: &str) -> u64 {
        self.counts().get(key).copied().unwrap_or(0)
    }

    /// Requests whose path starts with `prefix` (method included: `GET /api/v2/flows/`).
    pub fn count_prefix(&self, prefix: &str) -> u64 {
        self.counts()
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(_, n)| n)
            .sum()
    }

    /// All requests.
    pub fn total(&self) -> u64 {
        self.counts().values().sum()
    }

    /// Responses per HTTP status (dropped connections are not responses).
    pub fn statuses(&self) -> BTreeMap<u16, u64> {
        self.state.statuses.lock().expect("lock").clone()
    }

    /// Every request target (path and query), in arrival order.
    pub fn targets(&self) -> Vec<String> {
        self.state.targets.lock().expect("lock").clone()
    }

    /// Tokens issued.
    pub fn tokens_issued(&self) -> u64 {
        self.state.tokens.lock().expect("lock").issued
    }
}

impl Drop for MockApi {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    listener: std::net::TcpListener,
    state: Arc<State>,
    stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("mock runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
        let accepting = async {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let state = Arc::clone(&state);
                tokio::spawn(connection(stream, state));
            }
        };
        tokio::select! {
            () = accepting => {}
            _ = stopped => {}
        }
    });
    runtime.shutdown_background();
}

/// One parsed request.
struct Request {
    method: String,
    path: String,
    query: BTreeMap<String, String>,
    target: String,
    authorization: Option<String>,
    close: bool,
}

/// What to send back.
enum Answer {
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    Truncated(Vec<u8>),
    Drop,
    Late(Duration, Box<Answer>),
}

async fn connection(mut stream: TcpStream, state: Arc<State>) {
    // One write per answer and no Nagle delay: latency is only what the options say.
    let _ = stream.set_nodelay(true);
    let mut buffer = Vec::new();
    loop {
        let Some(request) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        let mut answer = state.answer(&request);
        if !state.options.latency.is_zero() {
            tokio::time::sleep(state.options.latency).await;
        }
        if let Answer::Late(delay, inner) = answer {
            tokio::time::sleep(delay).await;
            answer = *inner;
        }
        let keep = match answer {
            Answer::Full {
                status,
                headers,
                body,
            } => {
                state.record_status(status);
                let mut bytes = head(status, &headers, body.len(), request.close).into_bytes();
                bytes.extend_from_slice(&body);
                stream.write_all(&bytes).await.is_ok() && !request.close
            }
            Answer::Truncated(body) => {
                state.record_status(200);
                let head = head(200, &[], body.len(), true);
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&body[..body.len() / 2]).await;
                false
            }
            Answer::Drop | Answer::Late(..) => false,
        };
        if !keep {
            let _ = stream.shutdown().await;
            return;
        }
    }
}

fn head(status: u16, headers: &[(String, String)], len: usize, close: bool) -> String {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\ncontent-type: application/json\r\ncontent-length: {len}\r\n",
        reason(status)
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(if close {
        "connection: close\r\n\r\n"
    } else {
        "\r\n"
    });
    head
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Request> {
    let end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let mut length = 0;
    let mut authorization = None;
    let mut close = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().unwrap_or(0),
            "authorization" => authorization = Some(value.to_string()),
            "connection" => close = value.eq_ignore_ascii_case("close"),
            _ => {}
        }
    }
    while buffer.len() < end + 4 + length {
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
    buffer.drain(..end + 4 + length);
    let (path, query) = split_target(&target);
    Some(Request {
        method,
        path,
        query,
        target,
        authorization,
        close,
    })
}

fn split_target(target: &str) -> (String, BTreeMap<String, String>) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let query = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    (path.to_string(), query)
}

fn json_answer(status: u16, body: &Value, headers: Vec<(String, String)>) -> Answer {
    Answer::Full {
        status,
        headers,
        body: serde_json::to_vec(body).expect("JSON"),
    }
}

fn error_body(status: u16, code: &str, message: &str) -> Value {
    json!({"status": status, "code": code, "message": message, "contextId": "mock",
           "details": [], "errors": []})
}

impl State {
    fn record_status(&self, status: u16) {
        *self
            .statuses
            .lock()
            .expect("lock")
            .entry(status)
            .or_default() += 1;
    }

    fn answer(&self, request: &Request) -> Answer {
        let key = format!("{} {}", request.method, request.path);
        *self.counts.lock().expect("lock").entry(key).or_default() += 1;
        self.targets
            .lock()
            .expect("lock")
            .push(request.target.clone());
        if request.method == "POST" && request.path == "/oauth/token" {
            return self.token(request);
        }
        if request.method != "GET" {
            return json_answer(
                405,
                &error_body(405, "method.not.allowed", "GET only"),
                vec![],
            );
        }
        let Some(token) = self.authorized(request) else {
            let body = error_body(401, "bad.credentials", "Invalid login credentials.");
            return json_answer(401, &body, vec![]);
        };
        let (limited, headers) = self.rate_limit(&token);
        if let Some(answer) = limited {
            return answer;
        }
        let page = page_number(request);
        if let Some(fault) = self.fault(&request.path, page) {
            return self.faulted(fault, request, headers);
        }
        self.route(request, page, headers)
    }

    fn token(&self, request: &Request) -> Answer {
        let mut tokens = self.tokens.lock().expect("lock");
        let attempt = self.counts.lock().expect("lock")["POST /oauth/token"];
        if attempt <= u64::from(self.options.token_throttle) {
            let body = json!({"error": "invalid_request",
                "description": "rate limit exceeded; try again later",
                "error_description": "rate limit exceeded; try again later"});
            return json_answer(400, &body, vec![]);
        }
        let expected = base64::engine::general_purpose::STANDARD
            .encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
        if request.authorization.as_deref() != Some(&format!("Basic {expected}")) {
            let body = json!({"error": "invalid_client", "description": "authentication failed",
                "error_description": "authentication failed"});
            return json_answer(400, &body, vec![]);
        }
        tokens.issued += 1;
        let value = format!("mock-token-{}", tokens.issued);
        tokens.valid.insert(value.clone());
        let body = json!({"access_token": value, "token_type": "bearer",
                          "expires_in": self.options.token_ttl});
        json_answer(200, &body, vec![])
    }

    fn authorized(&self, request: &Request) -> Option<String> {
        let token = request.authorization.as_deref()?.strip_prefix("Bearer ")?;
        let tokens = self.tokens.lock().expect("lock");
        tokens.valid.contains(token).then(|| token.to_string())
    }

    /// Counts the request in the token's window; a 429 when the window is used up.
    fn rate_limit(&self, token: &str) -> (Option<Answer>, Vec<(String, String)>) {
        let Some(limit) = self.options.rate_limit else {
            return (None, vec![]);
        };
        let mut tokens = self.tokens.lock().expect("lock");
        let now = Instant::now();
        let window = tokens.windows.entry(token.to_string()).or_insert((now, 0));
        if now.duration_since(window.0) >= limit.window {
            *window = (now, 0);
        }
        window.1 += 1;
        let left = limit.window.saturating_sub(now.duration_since(window.0));
        let reset = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        let headers = vec![
            (
                "inin-ratelimit-allowed".to_string(),
                limit.allowed.to_string(),
            ),
            ("inin-ratelimit-count".to_string(), window.1.to_string()),
            ("inin-ratelimit-reset".to_string(), reset.to_string()),
        ];
        if window.1 <= limit.allowed {
            return (None, headers);
        }
        let mut with_retry = headers.clone();
        with_retry.push(("retry-after".to_string(), reset.to_string()));
        let body = error_body(429, "too.many.requests", "Rate limit exceeded the maximum");
        (Some(json_answer(429, &body, with_retry)), headers)
    }

    fn fault(&self, path: &str, page: u64) -> Option<Fault> {
        let mut hits = self.rule_hits.lock().expect("lock");
        for (i, rule) in self.options.rules.iter().enumerate() {
            if !rule.matches(path, page) {
                continue;
            }
            hits[i] += 1;
            let seen = hits[i];
            if seen > rule.skip && seen - rule.skip <= rule.times {
                return Some(rule.fault.clone());
            }
            return None;
        }
        None
    }

    fn faulted(&self, fault: Fault, request: &Request, headers: Vec<(String, String)>) -> Answer {
        match fault {
            Fault::TooMany { retry_after } => {
                let mut headers = headers;
                if let Some(after) = retry_after {
                    headers.push(("retry-after".to_string(), after.to_string()));
                }
                let body = error_body(429, "too.many.requests", "Rate limit exceeded");
                json_answer(429, &body, headers)
            }
            Fault::Status(status) => json_answer(
                status,
                &error_body(status, "mock.fault", "injected"),
                headers,
            ),
            Fault::Truncate => match self.route(request, page_number(request), headers) {
                Answer::Full { body, .. } => Answer::Truncated(body),
                other => other,
            },
            Fault::Drop => Answer::Drop,
            Fault::Forbidden { permission } => {
                let message = format!(
                    "Unable to perform the requested action. You must have at least one of \
                     the following permissions assigned: [{permission}]"
                );
                let body = error_body(403, "missing.any.permissions", &message);
                json_answer(403, &body, headers)
            }
            Fault::ExpireTokens => {
                self.tokens.lock().expect("lock").valid.clear();
                json_answer(
                    401,
                    &error_body(401, "credentials.expired", "expired"),
                    headers,
                )
            }
            Fault::RepeatPrevious => {
                let page = page_number(request).saturating_sub(1).max(1);
                self.route(request, page, headers)
            }
            Fault::Stall(delay) => {
                let answer = self.route(request, page_number(request), headers);
                Answer::Late(delay, Box::new(answer))
            }
            Fault::WrongTotal(total) => match self.route(request, page_number(request), headers) {
                Answer::Full {
                    status,
                    headers,
                    body,
                } => {
                    let mut value: Value = serde_json::from_slice(&body).expect("own JSON");
                    value["total"] = json!(total);
                    json_answer(status, &value, headers)
                }
                other => other,
            },
        }
    }

    fn route(&self, request: &Request, page: u64, headers: Vec<(String, String)>) -> Answer {
        let path = request.path.as_str();
        let org = &self.org;
        if path == "/api/v2/organizations/me" {
            return match &org.organization {
                Some(value) => json_answer(200, value, headers),
                None => not_found(headers),
            };
        }
        if let Some(list) = List::ALL.into_iter().find(|l| l.api_path() == path) {
            return self.paged(request, page, org.list(list), headers);
        }
        let parts: Vec<String> = path
            .trim_start_matches('/')
            .split('/')
            .map(|p| {
                percent_encoding::percent_decode_str(p)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        match parts.as_slice() {
            ["api", "v2", "routing", "queues", id, "wrapupcodes"] => {
                match org.queue_wrapup_codes.get(*id) {
                    Some(codes) => self.paged(request, page, codes, headers),
                    None => not_found(headers),
                }
            }
            [
                "api",
                "v2",
                "flows",
                id,
                "versions",
                version,
                "configuration",
            ] => {
                let key = (id.to_string(), version.to_string());
                match org.flow_documents.get(&key) {
                    Some(doc) => json_answer(200, doc, headers),
                    None => not_found(headers),
                }
            }
            ["api", "v2", "flows", id, "latestconfiguration"] => match latest_document(org, id) {
                Some(doc) => json_answer(200, doc, headers),
                None => not_found(headers),
            },
            _ => not_found(headers),
        }
    }

    fn paged(
        &self,
        request: &Request,
        page: u64,
        all: &[Value],
        headers: Vec<(String, String)>,
    ) -> Answer {
        let asked = request
            .query
            .get("pageSize")
            .and_then(|s| s.parse().ok())
            .unwrap_or(25u64)
            .max(1);
        let size = self.options.clamp_page_size.map_or(asked, |c| asked.min(c));
        if let Some(ceiling) = self.options.result_ceiling {
            if (page - 1) * size >= ceiling {
                let message = format!("Results beyond {ceiling} are not available");
                return json_answer(400, &error_body(400, "bad.request", &message), headers);
            }
        }
        json_answer(200, &envelope(&request.path, all, page, size), headers)
    }
}

fn page_number(request: &Request) -> u64 {
    request
        .query
        .get("pageNumber")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1u64)
        .max(1)
}

fn not_found(headers: Vec<(String, String)>) -> Answer {
    let body = error_body(404, "not.found", "The requested resource was not found.");
    json_answer(404, &body, headers)
}

/// One page in the API's listing envelope.
pub fn envelope(path: &str, all: &[Value], page: u64, size: u64) -> Value {
    let total = all.len() as u64;
    let page_count = total.div_ceil(size).max(1);
    let start = ((page - 1) * size).min(total) as usize;
    let end = (page * size).min(total) as usize;
    let uri = |p: u64| format!("{path}?pageSize={size}&pageNumber={p}");
    let mut body = json!({
        "entities": &all[start..end],
        "pageSize": size,
        "pageNumber": page,
        "total": total,
        "pageCount": page_count,
        "firstUri": uri(1),
        "lastUri": uri(page_count),
        "selfUri": uri(page),
    });
    if page < page_count {
        body["nextUri"] = json!(uri(page + 1));
    }
    if page > 1 {
        body["previousUri"] = json!(uri(page - 1));
    }
    body
}

fn latest_document<'a>(org: &'a Snapshot, id: &str) -> Option<&'a Value> {
    let flow = org
        .list(List::Flows)
        .iter()
        .find(|f| f.get("id").and_then(Value::as_str) == Some(id))?;
    let version = flow.get("checkedInVersion")?.get("id")?.as_str()?;
    org.flow_documents
        .get(&(id.to_string(), version.to_string()))
}

/// A synthetic organization: `flows` flows (every tenth never published), `queues` queues
/// with two wrap-up codes each, and two objects of every other kind.
pub fn sample_org(flows: usize, queues: usize) -> Snapshot {
    let mut org = Snapshot {
        meta: Meta {
            format: gcdocs::snapshot::FORMAT,
            captured_at: None,
            source: Source::Sample,
            region: None,
            flow_version: FlowVersion::Published,
        },
        organization: Some(json!({"id": "org-1", "name": "Mock Org", "state": "active",
                                  "defaultLanguage": "en", "version": 3})),
        ..Snapshot::default()
    };
    let mut flow_list = Vec::new();
    for i in 0..flows {
        let id = format!("flow-{i:04}");
        let kind = if i % 2 == 0 {
            "INBOUNDCALL"
        } else {
            "INQUEUECALL"
        };
        let mut flow = json!({"id": id, "name": format!("Flow {i}"), "type": kind,
                              "checkedInVersion": {"id": "3.0"}});
        org.flow_documents
            .insert((id.clone(), "3.0".into()), flow_document(&id, "3.0"));
        if i % 10 != 9 {
            flow["publishedVersion"] = json!({"id": "2.0"});
            org.flow_documents
                .insert((id.clone(), "2.0".into()), flow_document(&id, "2.0"));
        }
        flow_list.push(flow);
    }
    org.lists.insert(List::Flows, flow_list);
    let mut queue_list = Vec::new();
    for i in 0..queues {
        let id = format!("queue-{i:03}");
        queue_list.push(json!({"id": id, "name": format!("Queue {i}")}));
        let codes = (0..2)
            .map(|c| json!({"id": format!("wrap-{c}"), "name": format!("Wrap {c}")}))
            .collect();
        org.queue_wrapup_codes.insert(id, codes);
    }
    org.lists.insert(List::Queues, queue_list);
    for list in List::ALL {
        if matches!(list, List::Flows | List::Queues) {
            continue;
        }
        let word = list.kind().to_string();
        let entities = (0..2)
            .map(|i| json!({"id": format!("{word}-{i}"), "name": format!("{word} {i}")}))
            .collect();
        org.lists.insert(list, entities);
    }
    org
}

fn flow_document(id: &str, version: &str) -> Value {
    json!({"id": id, "version": version, "name": format!("document of {id} v{version}"),
           "flowSequenceItemList": []})
}

/// The documents a run with `version` should end up with for `org`.
pub fn expected_documents(
    org: &Snapshot,
    version: FlowVersion,
) -> BTreeMap<(String, String), Value> {
    let mut view = org.clone();
    view.meta.flow_version = version;
    org.list(List::Flows)
        .iter()
        .filter_map(|flow| {
            let id = flow.get("id")?.as_str()?.to_string();
            let v = view.wanted_version(flow)?;
            let doc = org.flow_documents.get(&(id.clone(), v.clone()))?.clone();
            Some(((id, v), doc))
        })
        .collect()
}
