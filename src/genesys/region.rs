//! Where an organization lives: the 18 customer regions, and turning what the user gave
//! (an AWS-style name, a domain or a full URL) into the API and login base URLs.

/// The customer regions: AWS-style name and domain (`../shared/genesys-api.md`, section 1).
pub const REGIONS: [(&str, &str); 18] = [
    ("us-east-1", "mypurecloud.com"),
    ("us-east-2", "use2.us-gov-pure.cloud"),
    ("us-west-2", "usw2.pure.cloud"),
    ("ca-central-1", "cac1.pure.cloud"),
    ("sa-east-1", "sae1.pure.cloud"),
    ("mx-central-1", "mxc1.pure.cloud"),
    ("eu-west-1", "mypurecloud.ie"),
    ("eu-west-2", "euw2.pure.cloud"),
    ("eu-central-1", "mypurecloud.de"),
    ("eu-central-2", "euc2.pure.cloud"),
    ("eusc-de-east-1", "edee1.eusc-pure.cloud"),
    ("me-central-1", "mec1.pure.cloud"),
    ("ap-south-1", "aps1.pure.cloud"),
    ("ap-southeast-1", "apse1.pure.cloud"),
    ("ap-southeast-2", "mypurecloud.com.au"),
    ("ap-northeast-1", "mypurecloud.jp"),
    ("ap-northeast-2", "apne2.pure.cloud"),
    ("ap-northeast-3", "apne3.pure.cloud"),
];

/// The region used when none is given, as in Genesys' own SDKs.
pub const DEFAULT_REGION: &str = "us-east-1";

/// The two base URLs one organization is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// The API base URL without a trailing slash (`https://api.mypurecloud.ie`).
    pub api_base: String,
    /// The login (token) base URL without a trailing slash (`https://login.mypurecloud.ie`).
    pub login_base: String,
}

/// A region, API URL or login URL that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegionError {
    /// Looks like an AWS-style region name, but is not a customer region.
    #[error("unknown region `{0}`: use one of {list}", list = region_names())]
    UnknownRegion(String),
    /// Neither a region name, a domain nor an http(s) URL.
    #[error("`{0}` is not a region, a domain or an http(s) URL")]
    NotAUrl(String),
}

/// Resolves what the user gave into base URLs. `api_url` wins over `region`; `login_url`
/// overrides the derived login host (for gateways).
pub fn resolve(
    region: Option<&str>,
    api_url: Option<&str>,
    login_url: Option<&str>,
) -> Result<Endpoints, RegionError> {
    let given = api_url
        .filter(|s| !s.trim().is_empty())
        .or(region.filter(|s| !s.trim().is_empty()))
        .unwrap_or(DEFAULT_REGION);
    let api_base = api_base(given)?;
    let login_base = match login_url.filter(|s| !s.trim().is_empty()) {
        Some(url) => base_url(url)?,
        None => derive_login(&api_base),
    };
    Ok(Endpoints {
        api_base,
        login_base,
    })
}

/// The domain of an AWS-style region name (`eu-west-1` → `mypurecloud.ie`).
pub fn domain_of(region: &str) -> Option<&'static str> {
    let wanted = region.trim().to_ascii_lowercase().replace('_', "-");
    REGIONS
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, domain)| *domain)
}

fn api_base(given: &str) -> Result<String, RegionError> {
    let given = given.trim();
    if given.contains("://") {
        return base_url(given);
    }
    if let Some(domain) = domain_of(given) {
        return Ok(format!("https://api.{domain}"));
    }
    if looks_like_region_name(given) {
        return Err(RegionError::UnknownRegion(given.to_string()));
    }
    let domain = given.trim_end_matches('/');
    let domain = domain.strip_prefix("api.").unwrap_or(domain);
    if !domain.contains('.') || domain.contains('/') || domain.contains(char::is_whitespace) {
        return Err(RegionError::NotAUrl(given.to_string()));
    }
    Ok(format!("https://api.{}", domain.to_ascii_lowercase()))
}

/// An http(s) URL without its trailing slashes.
fn base_url(url: &str) -> Result<String, RegionError> {
    let url = url.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Ok(url.to_string())
        }
        _ => Err(RegionError::NotAUrl(url.to_string())),
    }
}

/// `https://api.X` → `https://login.X`; any other host (a local test server) is kept.
fn derive_login(api_base: &str) -> String {
    match api_base.split_once("://") {
        Some((scheme, rest)) if rest.starts_with("api.") => {
            format!("{scheme}://login.{}", &rest["api.".len()..])
        }
        _ => api_base.to_string(),
    }
}

/// `xx-yyyy-N` without dots: meant as a region name, not a domain.
fn looks_like_region_name(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['-', '_']).collect();
    !s.contains('.')
        && parts.len() >= 3
        && parts
            .last()
            .is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
}

fn region_names() -> String {
    REGIONS
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoints(region: &str) -> (String, String) {
        let e = resolve(Some(region), None, None).expect("valid region");
        (e.api_base, e.login_base)
    }

    #[test]
    fn every_region_resolves_by_name_domain_and_url() {
        for (name, domain) in REGIONS {
            let api = format!("https://api.{domain}");
            let login = format!("https://login.{domain}");
            let want = (api.clone(), login.clone());
            assert_eq!(endpoints(name), want, "name {name}");
            assert_eq!(endpoints(&name.replace('-', "_")), want, "sdk name {name}");
            assert_eq!(endpoints(&name.to_uppercase()), want, "upper {name}");
            assert_eq!(endpoints(domain), want, "domain {domain}");
            assert_eq!(
                endpoints(&format!("api.{domain}")),
                want,
                "api host {domain}"
            );
            assert_eq!(endpoints(&format!("{api}/")), want, "url {api}");
        }
        assert_eq!(REGIONS.len(), 18);
    }

    #[test]
    fn no_region_means_us_east_1() {
        let e = resolve(None, None, None).expect("default");
        assert_eq!(e.api_base, "https://api.mypurecloud.com");
        assert_eq!(e.login_base, "https://login.mypurecloud.com");
    }

    #[test]
    fn api_url_wins_and_a_local_server_keeps_its_host() {
        let e = resolve(Some("eu-west-1"), Some("http://127.0.0.1:8080/"), None).expect("url");
        assert_eq!(e.api_base, "http://127.0.0.1:8080");
        assert_eq!(e.login_base, "http://127.0.0.1:8080");
    }

    #[test]
    fn login_url_overrides_the_derived_host() {
        let e = resolve(
            Some("eu-west-1"),
            None,
            Some("https://gw.example.org/login/"),
        )
        .expect("override");
        assert_eq!(e.api_base, "https://api.mypurecloud.ie");
        assert_eq!(e.login_base, "https://gw.example.org/login");
    }

    #[test]
    fn unknown_region_names_list_the_known_ones() {
        let err = resolve(Some("eu-west-9"), None, None).expect_err("unknown");
        let text = err.to_string();
        assert!(text.starts_with("unknown region `eu-west-9`: use one of us-east-1, "));
        assert!(text.ends_with("ap-northeast-3"));
    }

    #[test]
    fn garbage_is_not_a_url() {
        let err = resolve(None, Some("ftp://x"), None).expect_err("bad");
        assert_eq!(
            err.to_string(),
            "`ftp://x` is not a region, a domain or an http(s) URL"
        );
        let err = resolve(Some("nowhere"), None, None).expect_err("bad");
        assert_eq!(
            err.to_string(),
            "`nowhere` is not a region, a domain or an http(s) URL"
        );
    }
}
