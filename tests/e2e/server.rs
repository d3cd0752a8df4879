//! A small static HTTP server on 127.0.0.1 for the end-to-end tests.
//!
//! It serves folders under URL prefixes (the release `dist/` at `/`, a second copy under a
//! nested path…) and in-memory pages with their own headers (a strict CSP, say), and it logs
//! every path it is asked for, as a second witness beside the browser's own record.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// An in-memory page: its body and any extra response headers.
#[derive(Clone, Debug)]
pub struct Page {
    pub body: String,
    pub headers: Vec<(String, String)>,
}

/// What the server serves.
#[derive(Clone, Debug, Default)]
pub struct Site {
    mounts: Vec<(String, PathBuf)>,
    pages: HashMap<String, Page>,
    /// Responses held back before they are sent (a slow dictionary, say).
    delays: HashMap<String, Duration>,
}

impl Site {
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
}

impl Site {
    /// Holds the response to `path` back for `delay`, as a slow network would.
    pub fn delay(mut self, path: &str, delay: Duration) -> Site {
        self.delays.insert(path.to_owned(), delay);
        self
    }
}

/// A running server; it stops when dropped.
pub struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
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
        let log = Arc::new(Mutex::new(Vec::new()));
        let site = Arc::new(site);
        let task = {
            let log = Arc::clone(&log);
            tokio::spawn(async move {
                while let Ok((stream, _)) = listener.accept().await {
                    let site = Arc::clone(&site);
                    let log = Arc::clone(&log);
                    tokio::spawn(async move {
                        let _ = respond(stream, &site, &log).await;
                    });
                }
            })
        };
        Server { addr, log, task }
    }

    /// The absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Every path requested so far, in order.
    pub fn requested_paths(&self) -> Vec<String> {
        self.log.lock().expect("server log").clone()
    }
}

async fn respond(
    mut stream: TcpStream,
    site: &Site,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(2048);
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await?;
        if n == 0 || buf.len() > 64 * 1024 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf);
    let target = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    log.lock().expect("server log").push(path.clone());
    if let Some(delay) = site.delays.get(&path) {
        tokio::time::sleep(*delay).await;
    }

    let (status, content_type, body, headers) = match lookup(site, &path) {
        Some((content_type, body, headers)) => ("200 OK", content_type, body, headers),
        None => (
            "404 Not Found",
            "text/plain",
            b"not found".to_vec(),
            Vec::new(),
        ),
    };
    // Nothing is cached, unless a page says otherwise (one the back/forward cache may keep).
    let cache = if headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("cache-control"))
    {
        ""
    } else {
        "Cache-Control: no-store\r\n"
    };
    let mut response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{cache}Connection: close\r\n",
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

fn lookup(site: &Site, path: &str) -> Option<Found> {
    if let Some(page) = site.pages.get(path) {
        return Some((
            "text/html; charset=utf-8",
            page.body.clone().into_bytes(),
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
    Some((content_type(&file), body, Vec::new()))
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
