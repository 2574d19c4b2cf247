//! Aorta's wire protocol, sans-IO.

/// The FlatBuffers types of `bindings/schema`, as planus generates them (owned types such as
/// [`wire::Resource`], and `...Ref` readers that verify as they read). Included rather than
/// declared as a module file so that `cargo fmt` leaves the committed output as generated.
#[allow(clippy::all, clippy::pedantic, unused, missing_docs)]
mod generated {
    include!("generated.rs");
}

pub use generated::aorta::wire;
