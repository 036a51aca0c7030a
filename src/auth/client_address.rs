//! The client's address, for per-address limits: the TCP peer, or what a
//! trusted proxy reports in `X-Forwarded-For`. A header from anyone else is
//! ignored, so a client cannot pick a fresh address for every guess.

use std::{
    net::{IpAddr, SocketAddr},
    str::FromStr,
};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{HeaderMap, request::Parts},
};
use ipnet::IpNet;

use crate::{app::AppState, error::AppError};

/// The proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`: IPs
/// and CIDR ranges, separated by commas).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    fn contains(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }
}

impl FromStr for TrustedProxies {
    type Err = String;

    fn from_str(list: &str) -> Result<Self, Self::Err> {
        list.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("“{item}” is not an IP address or a CIDR range"))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }
}

/// Who is asking, as far as rate limits are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl std::fmt::Display for ClientAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The client behind `peer`: when the peer is a trusted proxy, the nearest
/// address in `X-Forwarded-For` that is not itself a trusted proxy (walking
/// from the right, since a client may write anything on the left).
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Ok(address) = hop.parse::<IpAddr>() else {
            // Garbage from further left cannot be trusted: the last good hop answers.
            return client;
        };
        client = address;
        if !trusted.contains(address) {
            return address;
        }
    }
    client
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no peer address")))?;
        Ok(ClientAddress(resolve(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_header_from_an_untrusted_peer_is_ignored() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        let got = resolve(ip("203.0.113.9"), &headers(&["198.51.100.1"]), &trusted);
        assert_eq!(got, ip("203.0.113.9"));
    }

    #[test]
    fn behind_trusted_proxies_the_nearest_untrusted_hop_is_the_client() {
        let trusted: TrustedProxies = "10.0.0.1, 10.1.0.0/16, ::1".parse().unwrap();
        // The client forged the first entry; the proxies appended the rest.
        let forwarded = headers(&["1.2.3.4, 198.51.100.7", "10.1.2.3"]);
        assert_eq!(
            resolve(ip("10.0.0.1"), &forwarded, &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            resolve(ip("::1"), &headers(&["2001:db8::5"]), &trusted),
            ip("2001:db8::5")
        );
        assert_eq!(
            resolve(ip("10.0.0.1"), &HeaderMap::new(), &trusted),
            ip("10.0.0.1")
        );
        assert_eq!(
            resolve(ip("10.0.0.1"), &headers(&["nonsense, 10.1.0.9"]), &trusted),
            ip("10.1.0.9")
        );
    }

    #[test]
    fn a_bad_proxy_list_names_the_bad_entry() {
        assert_eq!(
            "".parse::<TrustedProxies>().unwrap(),
            TrustedProxies::default()
        );
        let error = "10.0.0.1, example.org"
            .parse::<TrustedProxies>()
            .unwrap_err();
        assert!(error.contains("example.org"));
    }
}
