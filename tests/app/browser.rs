//! A small WebDriver client (the W3C protocol over HTTP) for Debian's
//! Chromium through chromedriver, enough to click and type as a person does,
//! and to run axe-core on a page.

use std::{process::Stdio, time::Duration};

use reqwest::Client;
use serde_json::{Value, json};

/// A headless Chromium window.
pub struct Browser {
    http: Client,
    base: String,
    session: String,
    driver: tokio::process::Child,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl Browser {
    /// Starts chromedriver (`CHROMEDRIVER`) and a browser `width` pixels wide.
    /// `None` when `CHROMEDRIVER` is not set (the journeys need Chromium).
    pub async fn start(width: u32) -> Option<Browser> {
        let driver_path = std::env::var("CHROMEDRIVER")
            .ok()
            .filter(|p| !p.is_empty())?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let driver = tokio::process::Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            // Its own process group, so that Drop can end Chromium with it.
            .process_group(0)
            .spawn()
            .expect("chromedriver starts");
        let http = Client::new();
        let base = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if http.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         format!("--window-size={width},900")]
            }
        }}});
        let response: Value = http
            .post(format!("{base}/session"))
            .json(&capabilities)
            .send()
            .await
            .ok()?
            .json()
            .await
            .ok()?;
        let session = response["value"]["sessionId"]
            .as_str()
            .expect("a WebDriver session")
            .to_owned();
        let browser = Browser {
            http,
            base,
            session,
            driver,
        };
        // Headless Chromium keeps a window at least 500 px wide whatever
        // `--window-size` asks, so a phone's width is set on the page's
        // viewport itself (as DevTools' device mode does).
        browser
            .call(
                reqwest::Method::POST,
                "/goog/cdp/execute",
                json!({"cmd": "Emulation.setDeviceMetricsOverride", "params": {
                    "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 768,
                }}),
            )
            .await;
        Some(browser)
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut request = self.http.request(method.clone(), url);
        if method == reqwest::Method::POST {
            request = request.json(&body);
        }
        let response: Value = request
            .send()
            .await
            .expect("webdriver")
            .json()
            .await
            .expect("json");
        if let Some(error) = response["value"]["error"].as_str() {
            panic!(
                "WebDriver {path}: {error}: {}",
                response["value"]["message"]
            );
        }
        response["value"].clone()
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({ "url": url }))
            .await;
    }

    async fn find(&self, css: &str) -> String {
        for _ in 0..50 {
            let url = format!("{}/session/{}/element", self.base, self.session);
            let response: Value = self
                .http
                .post(url)
                .json(&json!({"using": "css selector", "value": css}))
                .send()
                .await
                .expect("webdriver")
                .json()
                .await
                .expect("json");
            if let Some(id) = response["value"][ELEMENT].as_str() {
                return id.to_owned();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "no element {css} on {}: {}",
            self.url().await,
            self.call(reqwest::Method::GET, "/source", Value::Null)
                .await
                .as_str()
                .unwrap_or_default()
                .chars()
                .take(1500)
                .collect::<String>()
        );
    }

    /// Types into the field labelled by `css` (after clearing it).
    pub async fn fill(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/clear"),
            json!({}),
        )
        .await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    pub async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            json!({}),
        )
        .await;
    }

    /// Clicks something that loads a new page, and waits until it has loaded.
    pub async fn click_and_wait(&self, css: &str) {
        self.script("window.__before_click = true;", json!([]))
            .await;
        self.click(css).await;
        for _ in 0..100 {
            let loaded = self.script("return window.__before_click === undefined && document.readyState === 'complete';", json!([])).await;
            if loaded.as_bool() == Some(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "clicking {css} loaded no new page (still on {})",
            self.url().await
        );
    }

    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn text(&self) -> String {
        let id = self.find("body").await;
        self.call(
            reqwest::Method::GET,
            &format!("/element/{id}/text"),
            Value::Null,
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    pub async fn script(&self, script: &str, args: Value) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
        .await
    }

    /// Runs axe-core (WCAG 2.1 A and AA rules) on the current page; returns
    /// the violations as "rule: target" lines. `AXE_PATH` points at axe.min.js.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let Ok(path) = std::env::var("AXE_PATH") else {
            return Vec::new();
        };
        let source = std::fs::read_to_string(path).expect("axe.min.js");
        self.script(&format!("{source}\n;return true;"), json!([]))
            .await;
        let url = format!("{}/session/{}/execute/async", self.base, self.session);
        let script = "const done = arguments[arguments.length - 1];\
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })\
              .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));";
        let response: Value = self
            .http
            .post(url)
            .json(&json!({ "script": script, "args": [] }))
            .send()
            .await
            .expect("axe")
            .json()
            .await
            .expect("json");
        response["value"]
            .as_array()
            .map(|v| {
                v.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Presses Tab once, as a keyboard user moves to the next control.
    pub async fn press_tab(&self) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": "\u{E004}"}, {"type": "keyUp", "value": "\u{E004}"}]}]});
        self.call(reqwest::Method::POST, "/actions", actions).await;
    }

    /// Tabs through the page from the top and reports the form controls of
    /// `main` that the keyboard never reached or that showed no focus outline.
    pub async fn keyboard_problems(&self) -> Vec<String> {
        let controls = self
            .script(
                "return [...document.querySelectorAll('main form input:not([type=hidden]), main form select, main form textarea, main form button')]\
                   .filter(e => e.offsetParent !== null).map(e => e.id || e.name || e.textContent.trim());",
                json!([]),
            )
            .await;
        let wanted: Vec<String> = controls
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        self.script(
            "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
            json!([]),
        )
        .await;
        // Links between the controls take Tabs too (a row's link, then its
        // button): tab through everything focusable, and a little more.
        let focusable = self
            .script(
                "return document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]').length;",
                json!([]),
            )
            .await
            .as_u64()
            .unwrap_or(0) as usize;
        let mut reached = Vec::new();
        let mut unseen_focus = Vec::new();
        for _ in 0..(wanted.len().max(focusable) + 25) {
            self.press_tab().await;
            let focused = self
                .script(
                    "const e = document.activeElement; if (!e || e === document.body) return null;\
                     const s = getComputedStyle(e);\
                     return [e.id || e.name || e.textContent.trim(), s.outlineStyle !== 'none' && s.outlineWidth !== '0px'];",
                    json!([]),
                )
                .await;
            if let Some([name, visible]) = focused
                .as_array()
                .map(|a| a.as_slice())
                .and_then(|a| <&[Value; 2]>::try_from(a).ok())
            {
                let name = name.as_str().unwrap_or_default().to_owned();
                if visible.as_bool() != Some(true) {
                    unseen_focus.push(name.clone());
                }
                reached.push(name);
            }
        }
        let mut problems: Vec<String> = wanted
            .iter()
            .filter(|w| !reached.contains(w))
            .map(|w| format!("not reachable by Tab: {w}"))
            .collect();
        problems.extend(
            unseen_focus
                .into_iter()
                .filter(|n| wanted.contains(n))
                .map(|n| format!("no visible focus: {n}")),
        );
        problems
    }

    /// Logs the browser out by clearing its cookies.
    pub async fn forget_cookies(&self) {
        self.call(reqwest::Method::DELETE, "/cookie", Value::Null)
            .await;
    }
}

impl Browser {
    /// Ends the WebDriver session, which quits Chromium. A blocking request
    /// on a plain socket: `Drop` cannot await, and it runs on every path,
    /// panics included.
    fn end_session(&self) {
        use std::io::{Read, Write};
        let address = self.base.trim_start_matches("http://");
        let Ok(mut stream) = std::net::TcpStream::connect(address) else {
            return;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let request = format!(
            "DELETE /session/{} HTTP/1.1\r\nHost: {address}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            self.session
        );
        if stream.write_all(request.as_bytes()).is_ok() {
            let _ = stream.read_to_end(&mut Vec::new());
        }
    }
}

impl Drop for Browser {
    /// Quits Chromium, then kills what is left of the driver's process group
    /// (killing chromedriver alone leaves its browser running, orphaned).
    fn drop(&mut self) {
        self.end_session();
        if let Some(group) = self.driver.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{group}")])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.driver.start_kill();
    }
}
