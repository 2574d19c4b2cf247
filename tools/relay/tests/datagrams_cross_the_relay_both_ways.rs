//! The relay's sockets: a client's datagrams reach a UDP echo server through the relay and the
//! answers come back; a cut path carries nothing until it heals; each client address is its own
//! flow (its own upstream port, so a client that moves looks moved to the server); drops happen
//! on the real path too.

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use aorta_relay::{Faults, UdpRelay};

/// An echo server that prefixes each answer with the port it saw the datagram come from.
fn echo_server() -> SocketAddr {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    let address = socket.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 2048];
        while let Ok((length, from)) = socket.recv_from(&mut buffer) {
            let mut answer = from.port().to_be_bytes().to_vec();
            answer.extend_from_slice(&buffer[..length]);
            let _ = socket.send_to(&answer, from);
        }
    });
    address
}

fn client(relay: &UdpRelay) -> UdpSocket {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.connect(relay.local_addr()).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    socket
}

/// Sends `count` numbered datagrams, 50 at a time, reading the answers between (a socket that
/// does not read overflows its receive buffer: the kernel, not the relay, would drop them);
/// returns the numbers echoed back and the upstream ports seen.
fn exchange(socket: &UdpSocket, count: u32) -> (Vec<u32>, Vec<u16>) {
    let (mut numbers, mut ports) = (Vec::new(), Vec::new());
    let mut buffer = [0u8; 64];
    let mut sent = 0;
    while sent < count {
        let chunk = (count - sent).min(50);
        for i in sent..sent + chunk {
            socket.send(&i.to_be_bytes()).unwrap();
        }
        sent += chunk;
        // Until this chunk's answers are in, or the socket stays quiet for its timeout.
        while numbers.len() < sent as usize {
            let Ok(length) = socket.recv(&mut buffer) else {
                break;
            };
            assert_eq!(length, 6);
            ports.push(u16::from_be_bytes([buffer[0], buffer[1]]));
            numbers.push(u32::from_be_bytes(buffer[2..6].try_into().unwrap()));
        }
    }
    (numbers, ports)
}

#[test]
fn datagrams_cross_both_ways_and_a_cut_stops_them() {
    let server = echo_server();
    let relay = UdpRelay::start(server, Faults::none(), 1).unwrap();
    let first = client(&relay);
    let (mut numbers, ports) = exchange(&first, 500);
    numbers.sort_unstable();
    assert_eq!(numbers, (0..500).collect::<Vec<_>>());
    ports
        .windows(2)
        .for_each(|w| assert_eq!(w[0], w[1], "one flow"));

    // A second client address is its own flow: the server sees another port.
    let second = client(&relay);
    let (numbers, second_ports) = exchange(&second, 10);
    assert_eq!(numbers.len(), 10);
    assert_ne!(second_ports[0], ports[0]);

    relay
        .set_faults(Faults {
            cut: true,
            ..Faults::none()
        })
        .unwrap();
    let (numbers, _) = exchange(&first, 50);
    assert!(numbers.is_empty(), "nothing crosses a cut path");
    relay.set_faults(Faults::none()).unwrap();
    let (numbers, _) = exchange(&first, 50);
    assert_eq!(
        numbers.len(),
        50,
        "the healed path carries everything again"
    );
    let stats = relay.stats();
    assert_eq!(stats.cut, 50);
}

#[test]
fn drops_and_delays_happen_on_the_real_path() {
    let server = echo_server();
    let faults = Faults {
        drop_per_million: 300_000,
        delay_min: Duration::from_millis(1),
        delay_max: Duration::from_millis(20),
        ..Faults::none()
    };
    let relay = UdpRelay::start(server, faults, 9).unwrap();
    let socket = client(&relay);
    let (numbers, _) = exchange(&socket, 1000);
    // Each way drops 30 %: about 49 % of round trips survive.
    assert!(
        (350..=650).contains(&numbers.len()),
        "{} of 1000 came back",
        numbers.len()
    );
    let stats = relay.stats();
    assert!(stats.reordered > 0, "{stats:?}");
}

#[test]
fn rebinding_moves_every_flow_to_a_new_port() {
    let server = echo_server();
    let relay = UdpRelay::start(server, Faults::none(), 1).unwrap();
    let socket = client(&relay);
    let (numbers, before) = exchange(&socket, 10);
    assert_eq!(numbers.len(), 10);
    assert_eq!(relay.rebind_flows().unwrap(), 1);
    let (numbers, after) = exchange(&socket, 10);
    assert_eq!(numbers.len(), 10, "the flow goes on after the move");
    assert_ne!(before[0], after[0], "the server sees a new source port");
    after.windows(2).for_each(|w| assert_eq!(w[0], w[1]));
}
