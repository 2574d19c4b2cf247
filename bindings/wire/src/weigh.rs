//! The weight of a frame body: what its owned form would copy, counted before it is copied.
//!
//! FlatBuffers lets two offsets point to one object, so a small body can stand for a huge owned
//! message (a vector of 100,000 offsets to one table that holds a 1 MiB vector reads as 100 GiB).
//! An encoder that shares nothing (this crate's: planus's string and bytes caches are off) writes
//! every string, byte vector, vector and table once, so the bytes an owned conversion copies
//! never exceed the body's length. [`weigh`] walks the message the way the conversion will,
//! charging each object a lower bound of the bytes it takes in a body, every time it is reached,
//! and stops once the total passes [`WEIGHT_PER_BODY_BYTE`] times the body length plus
//! [`WEIGHT_SLACK_BYTES`]: an honest body weighs at most its length, a body that shares its
//! objects to inflate is refused before anything is copied.
//!
//! The walk for each table and union is generated from the schema with the rest of the
//! generated code (`generated_weigh.rs`, kept current by `tests/generated_code_is_current.rs`),
//! so a field added to the schema is weighed without anyone remembering to.

use crate::wire;

/// How much heavier than its body an accepted message may weigh. Honest bodies weigh at most
/// 1× their length; the margin covers the charges that are rounded up (an enum's byte charged
/// as one byte, a table's offset as four).
pub const WEIGHT_PER_BODY_BYTE: u64 = 2;
/// Weight every body may have beyond the multiple, so that tiny bodies are never refused.
pub const WEIGHT_SLACK_BYTES: u64 = 4096;
/// What a table costs at least in a body: its offset to its vtable.
const TABLE_BYTES: u64 = 4;
/// What a vector costs at least besides its elements: its length.
const VECTOR_BYTES: u64 = 4;

/// Why a body was refused while weighed.
#[derive(Debug)]
pub(crate) enum WeighError {
    /// The body is not a valid FlatBuffer where the walk read it.
    Invalid(planus::Error),
    /// The body weighs more than `limit`.
    Overweight { limit: u64 },
}

impl From<planus::Error> for WeighError {
    fn from(error: planus::Error) -> Self {
        WeighError::Invalid(error)
    }
}

/// The weight left to spend.
pub(crate) struct Scale {
    spent: u64,
    limit: u64,
}

impl Scale {
    fn charge(&mut self, bytes: u64) -> Result<(), WeighError> {
        self.spent = self.spent.saturating_add(bytes);
        if self.spent > self.limit {
            return Err(WeighError::Overweight { limit: self.limit });
        }
        Ok(())
    }
}

/// Weighs the message of an envelope read from a body of `body_len` bytes.
pub(crate) fn weigh(envelope: &wire::EnvelopeRef<'_>, body_len: usize) -> Result<(), WeighError> {
    let limit = (body_len as u64)
        .saturating_mul(WEIGHT_PER_BODY_BYTE)
        .saturating_add(WEIGHT_SLACK_BYTES);
    let mut scale = Scale { spent: 0, limit };
    envelope.weigh(&mut scale)
}

/// Something reached in a body that an owned conversion copies.
pub(crate) trait Weigh {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError>;
}

impl<T: Weigh> Weigh for Option<T> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        match self {
            Some(value) => value.weigh(scale),
            None => Ok(()),
        }
    }
}

impl Weigh for &str {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(VECTOR_BYTES + self.len() as u64)
    }
}

impl Weigh for &[u8] {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(VECTOR_BYTES + self.len() as u64)
    }
}

/// An element of a vector: inline (a scalar, an enum, a struct: its size) or a table (an
/// offset, then the table's own weight).
pub(crate) trait Element {
    fn weigh_element(self, scale: &mut Scale) -> Result<(), WeighError>;
}

impl<T: Weigh> Element for planus::Result<T> {
    fn weigh_element(self, scale: &mut Scale) -> Result<(), WeighError> {
        self?.weigh(scale)
    }
}

macro_rules! inline_elements {
    ($($element:ty => $bytes:expr),* $(,)?) => {
        $(impl Element for $element {
            fn weigh_element(self, scale: &mut Scale) -> Result<(), WeighError> {
                scale.charge($bytes)
            }
        })*
    };
}

inline_elements! {
    u16 => 2,
    u64 => 8,
    wire::ResourceIdRef<'_> => 16,
    Result<wire::EventAction, planus::errors::UnknownEnumTag> => 1,
}

impl<'a, T: planus::VectorRead<'a> + Element> Weigh for planus::Vector<'a, T> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(VECTOR_BYTES)?;
        for element in *self {
            element.weigh_element(scale)?;
        }
        Ok(())
    }
}

include!("generated_weigh.rs");
