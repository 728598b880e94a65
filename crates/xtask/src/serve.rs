//! A tiny static file server for dist/, on 127.0.0.1 only (the classroom machine itself).

use crate::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

pub fn serve(dir: &Path, port: u16) -> Result {
    // The page's own policy, also as a header (stronger than the <meta>: it covers every file).
    let policy = std::fs::read_to_string(dir.join(crate::bundle::POLICY_FILE)).unwrap_or_default();
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("port {port} is busy or refused: {e}"))?;
    eprintln!("✓ Tuto LLM is served at http://127.0.0.1:{port}/  (Ctrl+C to stop)");
    eprintln!(
        "  Offline, no server needed: open {}",
        dir.join("tuto-llm.html").display()
    );
    for stream in listener.incoming().flatten() {
        let mut stream = stream;
        let mut request_line = String::new();
        if BufReader::new(&stream)
            .read_line(&mut request_line)
            .is_err()
        {
            continue;
        }
        let target = request_line.split_whitespace().nth(1).unwrap_or("/");
        let path = target
            .split(['?', '#'])
            .next()
            .unwrap_or("/")
            .trim_start_matches('/');
        let file = if path.is_empty() {
            dir.join("index.html")
        } else {
            dir.join(path)
        };
        let safe = !path.split('/').any(|part| part == "..");
        let response = match (safe, std::fs::read(&file)) {
            (true, Ok(body)) => {
                let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nContent-Security-Policy: {}\r\nConnection: close\r\n\r\n", content_type(&file), body.len(), policy.trim());
                [head.into_bytes(), body].concat()
            }
            _ => {
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
            }
        };
        let _ = stream.write_all(&response);
    }
    Ok(())
}
