//! The command-line shell: argument parsing, file reading, printing; no calculation.

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "paygrade",
    version,
    about = "Compensation and grade calculator for account managers (客户经理)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the default policy JSON (SPEC §12).
    Policy,
    /// Print one person's monthly pay breakdown as JSON.
    Pay {
        /// Policy JSON file (default: the built-in policy).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Pay date YYYY-MM-DD, for completed years from post_start (default: today).
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// Employee JSON file.
        employee: PathBuf,
    },
    /// Print one person's breakdown with the what-ifs (band up, level up, next seniority bracket, next rating).
    Whatif {
        /// Policy JSON file (default: the built-in policy).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Pay date YYYY-MM-DD (default: today).
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// Employee JSON file.
        employee: PathBuf,
    },
}

fn read(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > paygrade::json::MAX_JSON_BYTES as u64 {
        return Err(format!(
            "{}: file too large ({} bytes)",
            path.display(),
            meta.len()
        ));
    }
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn pretty<T: serde::Serialize>(value: &T) -> Result<String, String> {
    paygrade::json::to_json_pretty(value).map_err(|e| e.to_string())
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

fn in_file(file: &Path, e: paygrade::Error) -> String {
    format!("{}: {e}", file.display())
}

fn run(cli: Cli) -> Result<String, String> {
    let whatif = matches!(cli.command, Command::Whatif { .. });
    match cli.command {
        Command::Policy => pretty(&paygrade::Policy::default()),
        Command::Pay {
            policy,
            as_of,
            employee,
        }
        | Command::Whatif {
            policy,
            as_of,
            employee,
        } => {
            let policy_text = policy.as_deref().map(read).transpose()?;
            let employee_text = read(&employee)?;
            if let (Some(path), Some(text)) = (&policy, &policy_text) {
                paygrade::Policy::from_json(text).map_err(|e| in_file(path, e))?;
            }
            let as_of = as_of.unwrap_or_else(today);
            let (p, e, d) = (
                policy_text.as_deref(),
                employee_text.as_str(),
                Some(as_of.as_str()),
            );
            let located = |err| in_file(&employee, err);
            if whatif {
                pretty(&paygrade::api::what_ifs_json(p, e, d).map_err(located)?)
            } else {
                pretty(&paygrade::api::compute_pay_json(p, e, d).map_err(located)?)
            }
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("paygrade: {}", msg.replace('\n', " "));
            ExitCode::from(2)
        }
    }
}
