//! A real SMTP server on loopback for the tests: the `mailin` crate speaks
//! the protocol, this file runs the sockets (tokio), so the server can be
//! stopped (connections refused) and started again on the same port to test
//! "SMTP down, then back". Received messages are parsed with `mail-parser`.

use std::{
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use mailin::{Action, Handler, Response, SessionBuilder};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
    task::{JoinHandle, JoinSet},
};

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The raw message (headers and MIME body).
    pub raw: Vec<u8>,
}

impl Received {
    fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a parsable message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    /// The text/plain part, decoded.
    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    /// The text/html part, decoded.
    pub fn html(&self) -> String {
        self.parsed()
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    /// A header's value as sent (unfolded, trimmed), if the message has it.
    pub fn header(&self, name: &str) -> Option<String> {
        self.parsed()
            .header_raw(name)
            .map(|v| v.replace("\r\n", "").trim().to_owned())
    }

    /// The attachments: (file name, full content type, decoded bytes).
    pub fn attachments(&self) -> Vec<(String, String, Vec<u8>)> {
        use mail_parser::MimeHeaders;
        self.parsed()
            .attachments()
            .map(|part| {
                let kind = part
                    .content_type()
                    .map(|c| {
                        let mut kind = format!("{}/{}", c.ctype(), c.subtype().unwrap_or_default());
                        for (name, value) in [
                            ("charset", c.attribute("charset")),
                            ("method", c.attribute("method")),
                        ] {
                            if let Some(value) = value {
                                kind.push_str(&format!("; {name}={value}"));
                            }
                        }
                        kind
                    })
                    .unwrap_or_default();
                (
                    part.attachment_name().unwrap_or_default().to_owned(),
                    kind,
                    part.contents().to_vec(),
                )
            })
            .collect()
    }

    /// The first link to `path_prefix` in the text part, as a path (the
    /// host is the app's own).
    pub fn link(&self, path_prefix: &str) -> String {
        crate::helpers::path_in(&self.text(), path_prefix)
    }
}

type Inbox = Arc<Mutex<Vec<Received>>>;

/// The inbox of every server started, by its `SMTP_URL`: once a message is
/// sent the app deletes its text from the outbox, so `TestApp` reads the
/// links of sent mail here, as the recipient does.
static INBOXES: Mutex<Vec<(String, Inbox)>> = Mutex::new(Vec::new());

/// What the server at `smtp_url` received so far for `to` (alone), oldest first.
/// The newest server at that address: the system hands a port out again
/// once an earlier test's server let it go, and that stopped server's
/// inbox is not this one (a test read it and waited for mail in vain).
pub fn delivered_to(smtp_url: &str, to: &str) -> Vec<Received> {
    let inbox = INBOXES
        .lock()
        .unwrap()
        .iter()
        .rfind(|(url, _)| url == smtp_url)
        .map(|(_, inbox)| inbox.clone())
        .unwrap_or_else(|| panic!("no test mail server at {smtp_url}"));
    let received = inbox.lock().unwrap().clone();
    received.into_iter().filter(|m| m.to == [to]).collect()
}

#[derive(Clone)]
struct Collector {
    inbox: Inbox,
    refuse_sender: Arc<AtomicBool>,
    from: String,
    to: Vec<String>,
    data: Vec<u8>,
}

/// Addresses whose local part starts with this have no mailbox here: the
/// server refuses them for good (`550`), as a real one refuses a mistyped
/// or closed inbox.
pub const NO_SUCH_MAILBOX: &str = "bounce.";

/// Addresses whose local part starts with this are refused as Outlook.com
/// refuses an unknown user: `550 5.5.0 ... mailbox unavailable`, a bare
/// protocol status whose words say what it is (eyes20 F2).
pub const OUTLOOK_NO_SUCH_USER: &str = "gone.";

/// Addresses whose local part starts with this are refused as Yahoo and
/// AOL refuse an unknown user: a `554` with no enhanced status code.
pub const YAHOO_NO_SUCH_USER: &str = "closed.";

/// Addresses whose local part starts with this have a full mailbox: the
/// server answers `552 5.2.2` to them, as Gmail does to an account over
/// its quota (the address is good; the mail may go later).
pub const FULL_MAILBOX: &str = "full.";

/// Addresses whose local part starts with this are refused at the end of
/// the message as Amazon SES refuses *our* sender or account: a `554`
/// with no enhanced status code whose words say "address" (eyes40 F4).
/// Nothing to do with the recipient.
pub const SES_SENDER_NOT_VERIFIED: &str = "ses.";

/// Refusals of *our* account, message or host in words that say "does not
/// exist" or "does not have a", with no enhanced status code (eyes41 F5):
/// the local part's prefix, and the reply mail to it gets at the end of the
/// message. Nothing to do with the recipient.
pub const REFUSED_FOR_OUR_SAKE: [(&str, u16, &str); 3] = [
    // Amazon SES once our account's default configuration set is gone.
    (
        "sesconfig.",
        554,
        "Message rejected: Configuration Set does not exist: Configuration set default-set does not exist.",
    ),
    // A receiver checking our message's signature.
    ("dkim.", 550, "Message does not have a valid DKIM signature"),
    // A receiver checking our host.
    (
        "ptr.",
        554,
        "Service unavailable; IP does not have a reverse DNS (PTR) record",
    ),
];

impl Handler for Collector {
    /// While [`MailServer::refuse_sender`] is on, our sending address is
    /// refused (`550 5.7.1`), as a relay does whose credentials or sender
    /// policy are wrong: nothing to do with any recipient.
    fn mail(&mut self, _ip: std::net::IpAddr, _domain: &str, _from: &str) -> Response {
        if self.refuse_sender.load(Ordering::SeqCst) {
            Response::custom(
                550,
                "5.7.1 Sender address rejected: not authorized for this relay".to_owned(),
            )
        } else {
            mailin::response::OK
        }
    }

    fn rcpt(&mut self, to: &str) -> Response {
        let to = to.trim_start_matches('<');
        if to.starts_with(NO_SUCH_MAILBOX) {
            mailin::response::NO_MAILBOX
        } else if to.starts_with(OUTLOOK_NO_SUCH_USER) {
            Response::custom(
                550,
                "5.5.0 Requested action not taken: mailbox unavailable (S2017062302)".to_owned(),
            )
        } else if to.starts_with(YAHOO_NO_SUCH_USER) {
            Response::custom(
                554,
                "delivery error: dd This user doesn't have a yahoo.com account [0]".to_owned(),
            )
        } else if to.starts_with(FULL_MAILBOX) {
            Response::custom(
                552,
                "5.2.2 The email account that you tried to reach is over quota".to_owned(),
            )
        } else {
            mailin::response::OK
        }
    }

    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.from = from.to_owned();
        self.to = to.to_vec();
        self.data.clear();
        mailin::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let refusal = [(
            SES_SENDER_NOT_VERIFIED,
            554,
            "Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: noreply@stembridge.example",
        )]
        .into_iter()
        .chain(REFUSED_FOR_OUR_SAKE)
        .find(|(prefix, _, _)| {
            self.to
                .iter()
                .any(|to| to.trim_start_matches('<').starts_with(prefix))
        });
        if let Some((_, code, text)) = refusal {
            self.data.clear();
            let mut refused = Response::custom(code, text.to_owned());
            // mailin keeps a session whose end of data was an error in
            // its data state (the client's next command would be read as
            // message text); the transaction is over, as after any reply
            // to the final dot.
            refused.is_error = false;
            return refused;
        }
        self.inbox.lock().unwrap().push(Received {
            from: self.from.clone(),
            to: self.to.clone(),
            raw: std::mem::take(&mut self.data),
        });
        mailin::response::OK
    }
}

/// The server: its address, what it received, and its accept loop.
pub struct MailServer {
    pub address: SocketAddr,
    inbox: Inbox,
    refuse_sender: Arc<AtomicBool>,
    task: Option<JoinHandle<()>>,
}

impl MailServer {
    /// Starts on an ephemeral loopback port.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP");
        let address = listener.local_addr().unwrap();
        let inbox = Inbox::default();
        let refuse_sender = Arc::new(AtomicBool::new(false));
        let task = Some(tokio::spawn(accept(
            listener,
            inbox.clone(),
            refuse_sender.clone(),
        )));
        INBOXES
            .lock()
            .unwrap()
            .push((format!("smtp://{address}"), inbox.clone()));
        Self {
            address,
            inbox,
            refuse_sender,
            task,
        }
    }

    /// Refuses our sending address (`550 5.7.1` to MAIL FROM) from now on,
    /// or stops refusing it.
    pub fn refuse_sender(&self, refuse: bool) {
        self.refuse_sender.store(refuse, Ordering::SeqCst);
    }

    /// The `SMTP_URL` that reaches it (plain SMTP: loopback only).
    pub fn url(&self) -> String {
        format!("smtp://{}", self.address)
    }

    /// Stops listening and drops every open connection: clients are refused.
    pub async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    /// Listens again on the same port.
    pub async fn restart(&mut self) {
        self.stop().await;
        for _ in 0..50 {
            if let Ok(listener) = TcpListener::bind(self.address).await {
                self.task = Some(tokio::spawn(accept(
                    listener,
                    self.inbox.clone(),
                    self.refuse_sender.clone(),
                )));
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not listen on {} again", self.address);
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// What `to` (alone) received so far, oldest first.
    pub fn received_to(&self, to: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.to == [to])
            .collect()
    }

    /// Waits until at least `count` messages to `to` arrived (at most
    /// `seconds`); returns those, oldest first (other people's mail, such
    /// as an employer's confirmation, is left out).
    pub async fn wait_for_to(&self, to: &str, count: usize, seconds: u64) -> Vec<Received> {
        for _ in 0..seconds * 20 {
            let received = self.received_to(to);
            if received.len() >= count {
                return received;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected {count} messages to {to} within {seconds} s");
    }

    /// Waits (at most `seconds`) for a message to `to` whose subject holds
    /// `subject`; returns the first such.
    pub async fn wait_for_subject(&self, to: &str, subject: &str, seconds: u64) -> Received {
        for _ in 0..seconds * 20 {
            if let Some(found) = self
                .received_to(to)
                .into_iter()
                .find(|m| m.subject().contains(subject))
            {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected a message to {to} about “{subject}” within {seconds} s");
    }
}

impl Drop for MailServer {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// The accept loop; its connections live in a `JoinSet`, so aborting the
/// loop closes them too.
async fn accept(listener: TcpListener, inbox: Inbox, refuse_sender: Arc<AtomicBool>) {
    let mut connections = JoinSet::new();
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            continue;
        };
        connections.spawn(session(stream, peer, inbox.clone(), refuse_sender.clone()));
        while connections.try_join_next().is_some() {}
    }
}

async fn session(
    stream: TcpStream,
    peer: SocketAddr,
    inbox: Inbox,
    refuse_sender: Arc<AtomicBool>,
) {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let handler = Collector {
        inbox,
        refuse_sender,
        from: String::new(),
        to: Vec::new(),
        data: Vec::new(),
    };
    let mut session = SessionBuilder::new("mail.test").build(peer.ip(), handler);
    if write
        .write_all(&session.greeting().buffer().unwrap())
        .await
        .is_err()
    {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let response = session.process(&line);
        match response.action {
            Action::NoReply => {}
            Action::Reply => {
                if write.write_all(&response.buffer().unwrap()).await.is_err() {
                    return;
                }
            }
            Action::Close | Action::UpgradeTls => {
                let _ = write.write_all(&response.buffer().unwrap()).await;
                return;
            }
        }
    }
}
