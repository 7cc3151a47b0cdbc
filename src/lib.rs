//! Paygrade: compensation and grade calculator for account managers (客户经理).
//!
//! The calculation core: exact decimal money, the 三级九档 grade ladder, seniority pay,
//! the five evaluations and the assessment factor, proration, the performance pool,
//! quotas, the annual grade assignment and the comparison of two policies. It is pure —
//! no I/O, no clock, no files, no wasm, no command line: it reads and writes JSON with
//! serde. The member crates under `crates/` add roster files (`paygrade-roster`),
//! take-home pay (`paygrade-takehome`), the KPI scorecard (`paygrade-scorecard`), charts
//! (`paygrade-charts`), the HR work composed in one place (`paygrade-team`), the CLI
//! (`paygrade-cli`) and one thin wasm facade per browser module (`crates/wasm-*`).
//! The rules and their sources are cited on each item as SPEC sections.
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
pub mod employee;
pub mod error;
pub mod evaluation;
pub mod explain;
pub mod json;
pub mod ladder;
pub mod money;
pub mod number;
pub mod payroll;
pub mod policy;
pub mod projection;
pub mod quota;
pub mod scenario;
pub mod seniority;

pub use assignment::{assign_grades, Assignment};
pub use employee::Employee;
pub use error::{Error, ErrorKind, Result, Warning};
pub use money::{Money, Rounding, RoundingMode};
pub use payroll::{
    compute_pay, compute_roster, what_ifs, Breakdown, NoExtras, PayExtras, RosterPay, WhatIfs,
};
pub use policy::{CheckedPolicy, Policy};
pub use quota::{check_quotas, QuotaReport};
