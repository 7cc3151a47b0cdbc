//! The `paygrade` command-line tool: a thin shell over the library (SPEC §12).
//!
//! Bad input exits with status 2 and one line on stderr naming the field; nothing is
//! printed on stdout then. (On wasm32 the binary is an empty stub: the browser uses the
//! library's facade instead.)
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// mimalloc rather than the system allocator: paying a roster makes and frees millions of
/// small values (cells, employees, breakdowns), where glibc's malloc took ~40% of a
/// 100,000-row run (perf, 2026-12-02).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
