//! The artery handshake (`bindings/wire/src/handshake.rs`): a server and a client state machine
//! fed an arbitrary mix of genuine and fuzzed messages.
//!
//! The input is a list of operations, one control byte each (`byte % 6`):
//! 0. the server gets the genuine client's `ClientHello` (the client holds the cluster key);
//! 1. the server gets the genuine client's `Proof` for the last challenge the server sent (the
//!    genuine client answers it), if there was one;
//! 2. the server gets a fuzzed message: the next bytes, up to a length byte, decoded as a frame
//!    body (skipped when they are not a valid message);
//! 3. the server's gate is asked to authorize a request;
//! 4. the genuine client gets a fuzzed message (decoded as in 2);
//! 5. the genuine client gets the server's last answer.
//!
//! - Nothing panics.
//! - The server is authenticated only after it received a genuine proof, and then for the genuine
//!   client's principal: a fuzzed message never authenticates without the key.
//! - Once the server refused, it refuses every later message and its gate stays shut.
//! - The client has a session only after a genuine `Welcome` from the server.
#![no_main]

use std::sync::Arc;

use aorta_wire::frame::decode_body;
use aorta_wire::handshake::{
    ClientHandshake, ClusterKey, HandshakeError, ServerConfig, ServerHandshake,
};
use aorta_wire::wire;
use libfuzzer_sys::fuzz_target;

const KEY: &[u8] = b"the fuzzing cluster key, 32 bytes or more";
const PRINCIPAL: &str = "svc@fuzz";

fuzz_target!(|data: &[u8]| {
    let key = ClusterKey::new(KEY).unwrap();
    let config = Arc::new(ServerConfig::new(key.clone(), 1));
    let mut server = ServerHandshake::new(config, [7; 32]);
    let (mut client, hello) = ClientHandshake::start(key.clone(), PRINCIPAL, [9; 32]).unwrap();
    let mut last_challenge: Option<wire::Message> = None;
    let mut last_server_answer: Option<wire::Message> = None;
    let mut genuine_proof_sent = false;
    let mut genuine_welcome_seen = false;
    let mut refused = false;

    let mut rest = data;
    while let Some((&op, after)) = rest.split_first() {
        rest = after;
        let to_server = match op % 6 {
            0 => Some(hello.clone()),
            // A second genuine client, with the same nonce, answers the challenge.
            1 => last_challenge.take().and_then(|challenge| {
                let (mut genuine, _) =
                    ClientHandshake::start(key.clone(), PRINCIPAL, [9; 32]).ok()?;
                let proof = genuine.handle(&challenge).ok().flatten()?;
                genuine_proof_sent = true;
                Some(proof)
            }),
            2 => fuzzed_message(&mut rest),
            3 => {
                let request = wire::Message::Request(Box::new(wire::Request {
                    id: 0,
                    body: wire::RequestBody::StatusRequest(Box::default()),
                }));
                let allowed = server.authorize(&request).is_ok();
                if refused {
                    assert!(!allowed, "the gate opened after a refusal");
                }
                if !allowed {
                    refused = true;
                }
                None
            }
            4 => {
                if let Some(message) = fuzzed_message(&mut rest) {
                    let _ = client.handle(&message);
                }
                None
            }
            _ => {
                if let Some(answer) = last_server_answer.take() {
                    if matches!(answer, wire::Message::Welcome(_)) {
                        genuine_welcome_seen = true;
                    }
                    let _ = client.handle(&answer);
                }
                None
            }
        };
        if let Some(message) = to_server {
            match server.handle(&message) {
                Ok(answer) => {
                    assert!(!refused, "a message was served after a refusal");
                    if let Some(wire::Message::Challenge(_)) = &answer {
                        last_challenge = answer.clone();
                    }
                    last_server_answer = answer;
                }
                Err(refusal) => {
                    if refused {
                        assert_eq!(refusal.error, HandshakeError::Failed);
                    }
                    refused = true;
                }
            }
        }
        if let Some(authenticated) = server.authenticated() {
            assert!(
                genuine_proof_sent,
                "authenticated without the genuine proof"
            );
            assert_eq!(authenticated.principal.name(), PRINCIPAL);
            assert!(!refused, "authenticated after a refusal");
        }
        if client.session().is_some() {
            assert!(genuine_welcome_seen, "a session without a genuine welcome");
        }
    }
});

/// The next bytes (a length byte, then that many bytes) as a frame body, if it is a message.
fn fuzzed_message(rest: &mut &[u8]) -> Option<wire::Message> {
    let (&len, after) = rest.split_first()?;
    let len = usize::from(len).min(after.len());
    let (body, after) = after.split_at(len);
    *rest = after;
    decode_body(body).ok()
}
