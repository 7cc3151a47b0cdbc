//! Paygrade: compensation and grade calculator for account managers (客户经理).
//!
//! The whole calculation lives in this crate: exact decimal money, the 三级九档 grade
//! ladder, seniority pay, the five evaluations and the assessment factor, proration.
//! It is pure — no I/O, no clock, no wasm — so the same code serves the native CLI
//! (`src/main.rs`) and the browser through the thin wasm facade (`src/wasm.rs`).
//! The rules and their sources are in `SPEC.md` (sections cited on each item).
//!
//! ```
//! use paygrade::{compute_pay, Employee, Policy};
//! let policy = Policy::default().check().unwrap();
//! let e = Employee::from_json(r#"{"id":"E001","level":"intermediate","band":"B",
//!   "employment":"contract","years_in_post":12,"rural":true,
//!   "scores":{"business":"92","customer_satisfaction":"88","supplier":"85",
//!             "self":"95","marketing_audit":"80"}}"#).unwrap();
//! assert_eq!(compute_pay(&policy, &e, None).unwrap().total.to_string(), "3872.00");
//! ```
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![warn(missing_docs)]

pub mod api;
pub mod assignment;
#[cfg(feature = "charts")]
pub mod charts;
pub mod employee;
pub mod error;
pub mod evaluation;
pub mod export;
pub mod json;
pub mod ladder;
pub mod money;
pub mod number;
pub mod payroll;
pub mod policy;
#[cfg(feature = "import")]
pub mod projection;
pub mod quota;
pub mod roster;
pub mod sample;
#[cfg(feature = "import")]
pub mod scenario;
#[cfg(feature = "extras")]
pub mod scorecard;
pub mod seniority;
#[cfg(feature = "extras")]
pub mod tax;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use assignment::{assign_grades, Assignment};
pub use employee::Employee;
pub use error::{Error, ErrorKind, Result};
pub use money::{Money, Rounding, RoundingMode};
pub use payroll::{compute_pay, compute_roster, what_ifs, Breakdown, RosterPay, WhatIfs};
pub use policy::{CheckedPolicy, Policy};
pub use quota::{check_quotas, QuotaReport};
pub use roster::{parse_roster, Roster};
