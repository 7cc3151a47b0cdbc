//! The command-line shell: argument parsing, file reading, printing; no calculation.

use clap::{Parser, Subcommand};
use std::io::Read as _;
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
        /// Employee JSON file (`-` = standard input).
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
        /// Employee JSON file (`-` = standard input).
        employee: PathBuf,
    },
    /// Take-home pay for a year: contributions, cumulative IIT withholding, net, employer cost.
    Netpay {
        /// Policy JSON file (default: the built-in policy, Shanghai 2025-07 example contributions).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Schedule JSON file: {"year", "first_month", "months": [{"gross", ...}], "annual_bonus"} (`-` = stdin).
        schedule: PathBuf,
    },
    /// Score KPIs on the policy's scorecard: the business-results score with each indicator's line.
    Score {
        /// Policy JSON file (default: the built-in policy, tobacco example scorecard).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Employee JSON with `kpis: {id: {target, actual}}`, or `{"months": [{"kpis": …}, …]}` (`-` = stdin).
        employee: PathBuf,
    },
    /// Compare a roster under a baseline and a proposal policy (SPEC §5).
    Compare {
        /// Baseline policy JSON file (default: the built-in policy).
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Proposal policy JSON file.
        #[arg(long)]
        proposal: PathBuf,
        /// Pay date YYYY-MM-DD (default: today).
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// XLSX sheet name (default: the first sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// Also write the charts (cost.svg, distribution.svg, differences.svg) to this folder.
        #[arg(long)]
        charts: Option<PathBuf>,
        /// Language of the charts: zh or en.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Roster file (default: the embedded sample).
        file: Option<PathBuf>,
    },
    /// Pay a whole roster: breakdowns, totals by component and level, quota report.
    Roster {
        /// Policy JSON file (default: the built-in policy).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Pay date YYYY-MM-DD (default: today).
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Workbook sheet name (default: the first visible sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// Language of the CSV export's headers and values: en or zh.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Roster file: .csv/.tsv/.txt (UTF-8, GBK or UTF-16), .xlsx, .xls, .ods or .json (default: the embedded 71-person sample).
        file: Option<PathBuf>,
    },
    /// 工资条: payslips for a whole roster and one month as XLSX (header repeated per person, a blank row between).
    Payslips {
        /// Policy JSON file (default: the built-in policy).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Pay date YYYY-MM-DD; its month heads each slip (default: today).
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// Language of the slips: zh or en.
        #[arg(long, default_value = "zh")]
        lang: String,
        /// Workbook sheet name (default: the first visible sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// The XLSX file to write.
        #[arg(long)]
        out: PathBuf,
        /// Roster file (default: the embedded sample).
        file: Option<PathBuf>,
    },
    /// Check the level quotas (20/50/30 by default) for a roster.
    Quota {
        /// Policy JSON file (default: the built-in policy).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// XLSX sheet name (default: the first sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// Roster file (default: the embedded sample).
        file: Option<PathBuf>,
    },
    /// Annual grade assignment: grading score, requirements, seats, bands.
    Assign {
        /// Policy JSON file (default: the built-in policy).
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Pay date YYYY-MM-DD, for years in post from post_start (default: today).
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// XLSX sheet name (default: the first sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// Roster file (default: the embedded sample).
        file: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Csv,
}

/// Read the policy file (or take the default) and check it.
fn load_policy(path: Option<&Path>) -> Result<paygrade::CheckedPolicy, String> {
    match path {
        Some(p) => paygrade::Policy::from_json(&read(p)?).map_err(|e| in_file(p, e)),
        None => paygrade::Policy::default()
            .check()
            .map_err(|e| e.to_string()),
    }
}

/// Read a policy file's text (or `None` for the default policy), checked here so that a
/// bad policy is reported against its own file rather than the input it is applied to.
fn read_policy_text(path: Option<&Path>) -> Result<Option<String>, String> {
    let Some(path) = path else { return Ok(None) };
    let text = read(path)?;
    paygrade::Policy::from_json(&text).map_err(|e| in_file(path, e))?;
    Ok(Some(text))
}

/// Read a roster file (or the embedded sample).
fn load_roster(path: Option<&Path>, sheet: Option<&str>) -> Result<paygrade::Roster, String> {
    match path {
        Some(p) => {
            let meta = std::fs::metadata(p).map_err(|e| format!("{}: {e}", p.display()))?;
            if meta.len() > paygrade::roster::MAX_FILE_BYTES as u64 {
                return Err(format!(
                    "{}: file too large ({} bytes)",
                    p.display(),
                    meta.len()
                ));
            }
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            paygrade::parse_roster(&bytes, &name, sheet).map_err(|e| in_file(p, e))
        }
        None => paygrade::sample::sample_roster().map_err(|e| e.to_string()),
    }
}

fn as_of_date(as_of: Option<String>) -> Result<Option<chrono::NaiveDate>, String> {
    let text = as_of.unwrap_or_else(today);
    paygrade::api::parse_as_of(Some(&text)).map_err(|e| format!("--as-of: {e}"))
}

/// Read a text file (`-` = standard input), refusing files over the JSON size limit.
fn read(path: &Path) -> Result<String, String> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::Read::take(std::io::stdin(), paygrade::json::MAX_JSON_BYTES as u64 + 1)
            .read_to_string(&mut text)
            .map_err(|e| format!("standard input: {e}"))?;
        return Ok(text);
    }
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
        Command::Score { policy, employee } => {
            let policy_text = read_policy_text(policy.as_deref())?;
            let text = read(&employee)?;
            let result = paygrade::api::score_json(policy_text.as_deref(), &text)
                .map_err(|e| in_file(&employee, e))?;
            pretty(&result)
        }
        Command::Compare {
            baseline,
            proposal,
            as_of,
            sheet,
            charts,
            lang,
            file,
        } => {
            let base = load_policy(baseline.as_deref())?;
            let prop = load_policy(Some(&proposal))?;
            let roster = load_roster(file.as_deref(), sheet.as_deref())?;
            let as_of = as_of_date(as_of)?;
            let result = paygrade::scenario::compare(&base, &prop, &roster.employees, as_of)
                .map_err(|e| roster.locate(e).to_string())?;
            let json = pretty(&result)?;
            if let Some(dir) = charts {
                let svgs = paygrade::api::charts_json(&json, &lang).map_err(|e| e.to_string())?;
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                for (name, svg) in [
                    ("cost.svg", &svgs.cost),
                    ("distribution.svg", &svgs.distribution),
                    ("differences.svg", &svgs.differences),
                ] {
                    let path = dir.join(name);
                    std::fs::write(&path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
                }
            }
            Ok(json)
        }
        Command::Netpay { policy, schedule } => {
            let policy_text = read_policy_text(policy.as_deref())?;
            let text = read(&schedule)?;
            let result = paygrade::api::net_pay_json(policy_text.as_deref(), &text)
                .map_err(|e| in_file(&schedule, e))?;
            pretty(&result)
        }
        Command::Roster {
            policy,
            as_of,
            format,
            sheet,
            lang,
            file,
        } => {
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref())?;
            let as_of = as_of_date(as_of)?;
            let located = |e| match &file {
                Some(f) => in_file(f, roster.locate(e)),
                None => roster.locate(e).to_string(),
            };
            let mut pay =
                paygrade::compute_roster(&policy, &roster.employees, as_of).map_err(located)?;
            pay.warnings.splice(0..0, roster.warnings.iter().cloned());
            match format {
                Format::Json => pretty(&pay),
                Format::Csv => paygrade::export::roster_export_csv(
                    &roster.employees,
                    &pay,
                    paygrade::export::Lang::from_code(&lang),
                )
                .map_err(|e| e.to_string()),
            }
        }
        Command::Payslips {
            policy,
            as_of,
            lang,
            sheet,
            out,
            file,
        } => {
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref())?;
            let date = as_of_date(as_of)?;
            let pay = paygrade::compute_roster(&policy, &roster.employees, date)
                .map_err(|e| roster.locate(e).to_string())?;
            let month = date
                .map(|d| d.format("%Y-%m").to_string())
                .unwrap_or_default();
            let bytes = paygrade::export::payslips_xlsx(
                &pay,
                &month,
                paygrade::export::Lang::from_code(&lang),
            )
            .map_err(|e| e.to_string())?;
            std::fs::write(&out, bytes).map_err(|e| format!("{}: {e}", out.display()))?;
            Ok(format!("{}: {} payslips", out.display(), pay.results.len()))
        }
        Command::Quota {
            policy,
            sheet,
            file,
        } => {
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref())?;
            let report = paygrade::api::check_quotas_for(&policy, &roster.employees)
                .map_err(|e| roster.locate(e).to_string())?;
            pretty(&report)
        }
        Command::Assign {
            policy,
            as_of,
            sheet,
            file,
        } => {
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref())?;
            let as_of = as_of_date(as_of)?;
            let result = paygrade::assign_grades(&policy, &roster.employees, as_of)
                .map_err(|e| roster.locate(e).to_string())?;
            pretty(&result)
        }
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
            let as_of = as_of.unwrap_or_else(today);
            paygrade::api::parse_as_of(Some(&as_of)).map_err(|e| format!("--as-of: {e}"))?;
            let policy_text = read_policy_text(policy.as_deref())?;
            let employee_text = read(&employee)?;
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
            if out.ends_with('\n') {
                print!("{out}");
            } else {
                println!("{out}");
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("paygrade: {}", msg.replace('\n', " "));
            ExitCode::from(2)
        }
    }
}
