//! The test sites and the privacy witness.
//!
//! A [`Site`] is what one flow serves: folders under URL prefixes (the release `dist/` at
//! `/bc/`, say) and in-memory pages with their own headers (a strict CSP). A [`Server`] serves
//! one site on its own port of 127.0.0.1 and logs every request it answers.
//!
//! A [`Proxy`] belongs to one browser: the browser is pointed at it through the WebDriver
//! `proxy` capability, for `http` and `https`, loopback included. It answers for the sites
//! registered with it, under a made-up host name that nothing else resolves
//! (`http://assureur.test:<port>/`, where the port is the site's) and under the site's
//! `127.0.0.1:<port>`, and it logs every other request it gets (any host, `CONNECT` included)
//! without forwarding it anywhere. So whatever a page asks for reaches a log that does not
//! depend on the browser's own account of what it did.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// The made-up host name the flows' pages live under. Only the proxy resolves it.
pub const MADE_UP_HOST: &str = "assureur.test";

/// Where the harness's own page script is served on every site (see [`crate::js::RECORDER`]):
/// it belongs to the test page, not to the widget, and the request assertions say so.
pub const RECORDER_PATH: &str = "/__harness/recorder.js";

/// An in-memory page: its body and any extra response headers.
#[derive(Clone, Debug)]
pub struct Page {
    pub body: String,
    pub headers: Vec<(String, String)>,
}

/// What a server serves.
#[derive(Clone, Debug, Default)]
pub struct Site {
    mounts: Vec<(String, PathBuf)>,
    pages: HashMap<String, Page>,
    /// Responses held back before they are sent (a slow dictionary, say).
    delays: HashMap<String, Duration>,
    /// True when HTML pages go out as they are, without the harness's first script.
    bare: bool,
}

impl Site {
    /// An empty site: every path is a 404.
    pub fn new() -> Site {
        Site::default()
    }

    /// Serves the files of `dir` under the URL `prefix` (which starts and ends with `/`).
    pub fn mount(mut self, prefix: &str, dir: impl Into<PathBuf>) -> Site {
        self.mounts.push((prefix.to_owned(), dir.into()));
        // Longest prefix first, so a nested mount wins over `/`.
        self.mounts.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        self
    }

    /// Serves `body` at `path` with extra `headers`.
    pub fn page(mut self, path: &str, body: impl Into<String>, headers: &[(&str, &str)]) -> Site {
        self.pages.insert(
            path.to_owned(),
            Page {
                body: body.into(),
                headers: headers
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            },
        );
        self
    }

    /// Holds the response to `path` back for `delay`, as a slow network would.
    pub fn delay(mut self, path: &str, delay: Duration) -> Site {
        self.delays.insert(path.to_owned(), delay);
        self
    }

    /// Serves HTML pages as they are, without the harness's recorder script (a benchmark
    /// page, whose timings the recorder's timer would disturb).
    pub fn without_recorder(mut self) -> Site {
        self.bare = true;
        self
    }
}

/// One request as a server or the proxy saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `CONNECT`…
    pub method: String,
    /// The absolute URL (`http://host:port/path?query`), or `host:port` for a `CONNECT`.
    pub url: String,
    /// The path without query or fragment (empty for a `CONNECT`).
    pub path: String,
    /// True when it came through the browser's proxy, false when straight to the server.
    pub via_proxy: bool,
}

type Log = Arc<Mutex<Vec<Request>>>;

/// The sites a proxy answers for, by authority (`host:port`), each with its server's log.
type Sites = Mutex<HashMap<String, (Arc<Site>, Log)>>;

/// A site being served on its own port of 127.0.0.1; it stops when dropped.
pub struct Server {
    addr: SocketAddr,
    site: Arc<Site>,
    log: Log,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    /// Starts serving `site` on an ephemeral port of 127.0.0.1.
    pub async fn start(site: Site) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let log: Log = Arc::default();
        let site = Arc::new(site);
        let task = {
            let (site, log) = (Arc::clone(&site), Arc::clone(&log));
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let (site, log) = (Arc::clone(&site), Arc::clone(&log));
                    tokio::spawn(async move {
                        let _ = serve_connection(stream, Route::Direct(&site, &log)).await;
                    });
                }
            })
        };
        Server {
            addr,
            site,
            log,
            task,
        }
    }

    /// The site's port on 127.0.0.1 (also the port of its made-up host).
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The absolute URL of `path` on the secure-context origin `http://127.0.0.1:<port>`.
    pub fn local_url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// The absolute URL of `path` under the made-up host, `http://assureur.test:<port>`.
    pub fn made_up_url(&self, path: &str) -> String {
        format!("http://{MADE_UP_HOST}:{}{}", self.addr.port(), path)
    }

    /// Every request answered so far, in order, through the proxy or not.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().expect("server log").clone()
    }

    /// Every path requested so far, in order.
    pub fn requested_paths(&self) -> Vec<String> {
        self.requests().into_iter().map(|r| r.path).collect()
    }
}

/// A browser's proxy: answers for the registered sites, logs everything else and forwards
/// nothing. It stops when dropped.
pub struct Proxy {
    addr: SocketAddr,
    sites: Arc<Sites>,
    foreign: Log,
    background: Log,
    task: JoinHandle<()>,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Proxy {
    /// Starts a proxy on an ephemeral port of 127.0.0.1. Requests for `background_hosts`
    /// (the browser's own services, see [`crate::engine::Engine::background_hosts`]) are
    /// logged apart from the foreign ones.
    pub async fn start(background_hosts: &'static [&'static str]) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let sites: Arc<Sites> = Arc::default();
        let foreign: Log = Arc::default();
        let background: Log = Arc::default();
        let task = {
            let (sites, foreign, background) = (
                Arc::clone(&sites),
                Arc::clone(&foreign),
                Arc::clone(&background),
            );
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let (sites, foreign, background) = (
                        Arc::clone(&sites),
                        Arc::clone(&foreign),
                        Arc::clone(&background),
                    );
                    tokio::spawn(async move {
                        let route = Route::Proxy(&sites, &foreign, &background, background_hosts);
                        let _ = serve_connection(stream, route).await;
                    });
                }
            })
        };
        Proxy {
            addr,
            sites,
            foreign,
            background,
            task,
        }
    }

    /// `127.0.0.1:<port>`, for the `proxy` capability.
    pub fn address(&self) -> String {
        self.addr.to_string()
    }

    /// Answers for `server`'s site under its made-up host and its 127.0.0.1 address, logging
    /// into the server's own log; other sites registered before stay reachable (a page's
    /// late requests are still logged where they belong).
    pub fn register(&self, server: &Server) {
        let mut sites = self.sites.lock().expect("proxy sites");
        for authority in [
            format!("{MADE_UP_HOST}:{}", server.port()),
            format!("127.0.0.1:{}", server.port()),
        ] {
            sites.insert(
                authority,
                (Arc::clone(&server.site), Arc::clone(&server.log)),
            );
        }
    }

    /// Every request for a host that is no registered site, in order.
    pub fn foreign_requests(&self) -> Vec<Request> {
        self.foreign.lock().expect("proxy log").clone()
    }

    /// Every request for the browser's own services.
    pub fn background_requests(&self) -> Vec<Request> {
        self.background.lock().expect("proxy log").clone()
    }
}

/// Who answers a connection.
#[derive(Clone, Copy)]
enum Route<'a> {
    /// A site's own port: origin-form requests for that site.
    Direct(&'a Site, &'a Mutex<Vec<Request>>),
    /// The proxy: absolute-form requests for any host, and `CONNECT`.
    Proxy(
        &'a Sites,
        &'a Mutex<Vec<Request>>,
        &'a Mutex<Vec<Request>>,
        &'static [&'static str],
    ),
}

/// The request line and headers of one HTTP/1.1 request.
struct Head {
    method: String,
    target: String,
    host: String,
}

/// What a connection opened with.
enum Opening {
    /// An HTTP/1 request.
    Http(Head),
    /// A TLS handshake (a browser that speaks TLS to its proxy), with the server name it
    /// asked for, if it said.
    Tls(Option<String>),
    /// Nothing usable.
    Nothing,
}

async fn read_head(stream: &mut TcpStream) -> std::io::Result<Opening> {
    let mut buf = Vec::with_capacity(2048);
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await?;
        if n == 0 || buf.len() > 64 * 1024 {
            return Ok(Opening::Nothing);
        }
        buf.extend_from_slice(&chunk[..n]);
        // A TLS record of type handshake: no HTTP request will follow.
        if buf[0] == 0x16 {
            return Ok(Opening::Tls(server_name(&buf)));
        }
    }
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.split("\r\n");
    let mut first = lines.next().unwrap_or("").split_whitespace();
    let method = first.next().unwrap_or("GET").to_owned();
    let target = first.next().unwrap_or("/").to_owned();
    let host = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim().to_owned())
        .unwrap_or_default();
    Ok(Opening::Http(Head {
        method,
        target,
        host,
    }))
}

/// The server name (SNI) of a TLS ClientHello, when the first bytes hold it.
fn server_name(hello: &[u8]) -> Option<String> {
    let byte = |i: usize| hello.get(i).copied().map(usize::from);
    let pair = |i: usize| Some(byte(i)? << 8 | byte(i + 1)?);
    // Record header (5), handshake header (4), version (2), random (32).
    let mut i = 5 + 4 + 2 + 32;
    i += 1 + byte(i)?; // session id
    i += 2 + pair(i)?; // cipher suites
    i += 1 + byte(i)?; // compression methods
    let end = i + 2 + pair(i)?;
    i += 2;
    while i + 4 <= end {
        let (kind, len) = (pair(i)?, pair(i + 2)?);
        if kind == 0 {
            // server_name: list length (2), name type (1), name length (2), name.
            let name_len = pair(i + 4 + 3)?;
            let start = i + 4 + 5;
            return hello
                .get(start..start + name_len)
                .map(|name| String::from_utf8_lossy(name).into_owned());
        }
        i += 4 + len;
    }
    None
}

/// True when `authority` (`host:port`) is one of the browser's own `hosts`.
fn is_background(hosts: &[&str], authority: &str) -> bool {
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, _)| host);
    hosts.contains(&host)
}

/// Splits an absolute-form target `http://authority/path` into its authority and path.
fn split_absolute(target: &str) -> Option<(String, String)> {
    let rest = target.strip_prefix("http://")?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let authority = if authority.contains(':') {
        authority.to_owned()
    } else {
        format!("{authority}:80")
    };
    Some((authority, path.to_owned()))
}

fn path_of(target: &str) -> String {
    target.split(['?', '#']).next().unwrap_or("/").to_owned()
}

async fn serve_connection(mut stream: TcpStream, route: Route<'_>) -> std::io::Result<()> {
    let head = match (read_head(&mut stream).await?, route) {
        (Opening::Http(head), _) => head,
        (Opening::Tls(name), Route::Proxy(_, foreign, _, _)) => {
            // TLS spoken to the proxy itself: still a request of the browser's, logged by
            // the name it was for.
            foreign.lock().expect("proxy log").push(Request {
                method: "TLS".into(),
                url: format!("tls:{}", name.as_deref().unwrap_or("(no name)")),
                path: String::new(),
                via_proxy: true,
            });
            return Ok(());
        }
        _ => return Ok(()),
    };
    match route {
        Route::Direct(site, log) => {
            let request = Request {
                path: path_of(&head.target),
                url: format!("http://{}{}", head.host, head.target),
                method: head.method,
                via_proxy: false,
            };
            log.lock().expect("server log").push(request.clone());
            answer(&mut stream, site, &request.path).await
        }
        Route::Proxy(sites, foreign, background, background_hosts) => {
            let connect = head.method.eq_ignore_ascii_case("CONNECT");
            let absolute = if connect {
                None
            } else {
                split_absolute(&head.target)
            };
            let Some((authority, target)) = absolute else {
                // A CONNECT (https, wss) or a target that is not absolute: logged, refused.
                let log = if is_background(background_hosts, &head.target) {
                    background
                } else {
                    foreign
                };
                log.lock().expect("proxy log").push(Request {
                    method: head.method,
                    url: head.target,
                    path: String::new(),
                    via_proxy: true,
                });
                return refuse(&mut stream).await;
            };
            let request = Request {
                method: head.method,
                path: path_of(&target),
                url: head.target,
                via_proxy: true,
            };
            let found = sites.lock().expect("proxy sites").get(&authority).cloned();
            match found {
                Some((site, log)) => {
                    log.lock().expect("server log").push(request.clone());
                    answer(&mut stream, &site, &request.path).await
                }
                None => {
                    let log = if is_background(background_hosts, &authority) {
                        background
                    } else {
                        foreign
                    };
                    log.lock().expect("proxy log").push(request);
                    refuse(&mut stream).await
                }
            }
        }
    }
}

/// What the proxy says to a host it does not serve: nothing reaches the network.
async fn refuse(stream: &mut TcpStream) -> std::io::Result<()> {
    stream
        .write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .await?;
    stream.shutdown().await
}

async fn answer(stream: &mut TcpStream, site: &Site, path: &str) -> std::io::Result<()> {
    if let Some(delay) = site.delays.get(path) {
        tokio::time::sleep(*delay).await;
    }
    let (status, content_type, body, headers) = match lookup(site, path) {
        Some((content_type, body, headers)) => ("200 OK", content_type, body, headers),
        None => (
            "404 Not Found",
            "text/plain",
            b"not found".to_vec(),
            Vec::new(),
        ),
    };
    // Nothing is cached, unless a page says otherwise (one the back/forward cache may keep:
    // `Cache-Control: no-store` keeps a page out of Chromium's).
    let cache = if headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("cache-control"))
    {
        ""
    } else {
        "Cache-Control: no-store\r\n"
    };
    let mut response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {cache}Connection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    stream.write_all(response.as_bytes()).await?;
    stream.write_all(&body).await?;
    stream.shutdown().await
}

type Found = (&'static str, Vec<u8>, Vec<(String, String)>);

/// A test page's first script: the harness's recorders (see [`crate::js::RECORDER`]), before
/// anything of the host's own. On a page whose scripts carry a nonce (a CSP with
/// `'strict-dynamic'`), the recorder carries the page's first one too.
fn with_recorder(html: &[u8]) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    let nonce = html
        .split_once("nonce=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(nonce, _)| format!(" nonce=\"{nonce}\""))
        .unwrap_or_default();
    let tag = format!("<script{nonce} src=\"{RECORDER_PATH}\"></script>");
    match html.find("<head>") {
        Some(i) => format!("{}{tag}{}", &html[..i + 6], &html[i + 6..]).into_bytes(),
        None => format!("{tag}{html}").into_bytes(),
    }
}

fn lookup(site: &Site, path: &str) -> Option<Found> {
    let with_recorder = |html: &[u8]| {
        if site.bare {
            html.to_vec()
        } else {
            with_recorder(html)
        }
    };
    if path == RECORDER_PATH && !site.bare {
        return Some((
            "text/javascript",
            crate::js::RECORDER.as_bytes().to_vec(),
            Vec::new(),
        ));
    }
    if let Some(page) = site.pages.get(path) {
        return Some((
            "text/html; charset=utf-8",
            with_recorder(page.body.as_bytes()),
            page.headers.clone(),
        ));
    }
    let (prefix, dir) = site
        .mounts
        .iter()
        .find(|(p, _)| path.starts_with(p.as_str()))?;
    let mut relative = path[prefix.len()..].to_owned();
    if relative.is_empty() || relative.ends_with('/') {
        relative.push_str("index.html");
    }
    let relative = Path::new(&relative);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dir.join(relative);
    let body = std::fs::read(&file).ok()?;
    let content_type = content_type(&file);
    let body = if content_type.starts_with("text/html") {
        with_recorder(&body)
    } else {
        body
    };
    Some((content_type, body, Vec::new()))
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}
