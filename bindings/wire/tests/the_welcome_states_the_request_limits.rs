//! The `Welcome` carries the server's per-connection request limits (`requests_in_flight_max`,
//! `request_bytes_in_flight_max`) as configured, through a real frame, into the client's
//! `Session`; a server that states none (the fields absent, as from an older server) leaves them
//! 0, which a client reads as "not stated".

mod support;

use std::sync::Arc;

use aorta_wire::handshake::{ClientHandshake, ClusterKey, ServerConfig, ServerHandshake, Session};
use aorta_wire::wire;
use support::*;

fn handshake(config: ServerConfig) -> (wire::Welcome, Session) {
    let mut server = ServerHandshake::new(Arc::new(config), [2; 32]);
    let (mut client, hello) =
        ClientHandshake::start(ClusterKey::new(KEY).unwrap(), "svc", [1; 32]).unwrap();
    let challenge = server.handle(&through_a_frame(&hello)).unwrap().unwrap();
    let proof = client
        .handle(&through_a_frame(&challenge))
        .unwrap()
        .unwrap();
    let welcome = through_a_frame(&server.handle(&through_a_frame(&proof)).unwrap().unwrap());
    assert_eq!(client.handle(&welcome).unwrap(), None);
    let wire::Message::Welcome(welcome) = welcome else {
        panic!("a Welcome, not {welcome:?}")
    };
    (*welcome, client.session().expect("established").clone())
}

#[test]
fn the_welcome_states_the_configured_request_limits() {
    let mut config = ServerConfig::new(ClusterKey::new(KEY).unwrap(), 7);
    config.requests_in_flight_max = 8;
    config.request_bytes_in_flight_max = 3 << 30;
    let (welcome, session) = handshake(config);
    assert_eq!(welcome.requests_in_flight_max, 8);
    assert_eq!(welcome.request_bytes_in_flight_max, 3 << 30);
    assert_eq!(session.requests_in_flight_max, 8);
    assert_eq!(session.request_bytes_in_flight_max, 3 << 30);
}

#[test]
fn a_server_that_states_no_limits_leaves_them_zero() {
    let (welcome, session) = handshake(ServerConfig::new(ClusterKey::new(KEY).unwrap(), 7));
    assert_eq!(welcome.requests_in_flight_max, 0);
    assert_eq!(session.requests_in_flight_max, 0);
    assert_eq!(session.request_bytes_in_flight_max, 0);
}
