//! The command-line shell: argument parsing, file reading, printing; no calculation.

use clap::{Parser, Subcommand};
use paygrade_roster::Roster;
use paygrade_team::HrPolicy;
use paygrade_text::Lang;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "paygrade",
    version,
    about = "Compensation and grade calculator for account managers (客户经理)"
)]
struct Cli {
    /// Language of messages, exports, payslips and charts: zh or en (default: zh when the
    /// environment's LANG is Chinese, else en; payslips default to zh).
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// Why a command failed: the engine's facts (rendered in the reader's language, a line
/// per problem), or a message about the command line or a file.
enum Failure {
    /// A file or argument problem, already in words.
    Text(String),
    /// A file that cannot be read (`writing`: written), in the reader's language.
    File {
        path: PathBuf,
        error: std::io::Error,
        writing: bool,
    },
    /// An engine error, with the file it concerns.
    Engine(Option<PathBuf>, Box<paygrade::Error>),
}

/// A file that cannot be read.
fn unreadable(path: &Path, error: std::io::Error) -> Failure {
    Failure::File {
        path: path.to_path_buf(),
        error,
        writing: false,
    }
}

/// A file that cannot be written.
fn unwritable(path: &Path, error: std::io::Error) -> Failure {
    Failure::File {
        path: path.to_path_buf(),
        error,
        writing: true,
    }
}

/// Why a file could not be read or written, in `lang` (the system's own words for a
/// reason without a name here).
fn file_problem(error: &std::io::Error, writing: bool, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let zh = lang == Lang::Zh;
    match (error.kind(), zh) {
        (K::NotFound, true) => "找不到该文件".into(),
        (K::NotFound, false) => "no such file".into(),
        (K::PermissionDenied, true) if writing => "没有写入权限".into(),
        (K::PermissionDenied, true) => "没有读取权限".into(),
        (K::PermissionDenied, false) => "permission denied".into(),
        (K::IsADirectory, true) => "这是文件夹，不是文件".into(),
        (K::IsADirectory, false) => "a folder, not a file".into(),
        (K::InvalidData, true) => "不是 UTF-8 文本".into(),
        (K::InvalidData, false) => "not UTF-8 text".into(),
        (_, true) if writing => format!("无法写入（{error}）"),
        (_, true) => format!("无法读取（{error}）"),
        (_, false) => error.to_string(),
    }
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Failure::Text(s)
    }
}

/// The language asked for, else the environment's.
fn lang_of(asked: Option<&str>, default: Option<Lang>) -> Lang {
    match asked {
        Some(code) => Lang::from_code(code),
        None => default.unwrap_or_else(|| {
            let env = std::env::var("LANG").unwrap_or_default();
            Lang::from_code(env.get(..2).unwrap_or_default())
        }),
    }
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
        /// Workbook sheet name (default: the first visible sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// Also write the charts (cost.svg, distribution.svg, differences.svg) to this folder.
        #[arg(long)]
        charts: Option<PathBuf>,
        /// Output: the comparison as JSON, or a re-importable table per person (the input
        /// columns, then each component's baseline, proposal and difference) as CSV or XLSX.
        #[arg(long, value_enum, default_value = "json")]
        format: CompareFormat,
        /// Write the output to this file (required for xlsx; default: standard output).
        #[arg(long, required_if_eq("format", "xlsx"))]
        out: Option<PathBuf>,
        /// Roster file (default: the embedded sample).
        file: Option<PathBuf>,
    },
    /// Cost over the years: the roster under a baseline and a proposal for year offsets 0 … N.
    Project {
        /// Year offsets 0 … N (N + 1 years).
        #[arg(long)]
        years: u32,
        /// Baseline policy JSON file (default: the built-in policy).
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Proposal policy JSON file (default: the baseline).
        #[arg(long)]
        proposal: Option<PathBuf>,
        /// Pay date of offset 0, YYYY-MM-DD (default: today).
        #[arg(long = "as-of")]
        as_of: Option<String>,
        /// Re-grade each year with the annual assignment (SPEC §4).
        #[arg(long)]
        assign: bool,
        /// Workbook sheet name (default: the first visible sheet).
        #[arg(long)]
        sheet: Option<String>,
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
        /// Workbook sheet name (default: the first visible sheet).
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
        /// Workbook sheet name (default: the first visible sheet).
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

/// The output of `compare`.
#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum CompareFormat {
    Json,
    Csv,
    Xlsx,
}

/// Read the policy file (or take the default) and check every block of it.
fn load_policy(path: Option<&Path>) -> Result<HrPolicy, Failure> {
    match path {
        Some(p) => HrPolicy::from_json(Some(&read_json(p)?)).map_err(|e| in_file(p, e)),
        None => HrPolicy::from_json(None).map_err(engine),
    }
}

/// Read a policy file as a JSON value (or `None` for the default policy), checked here so
/// that a bad policy is reported against its own file rather than the input it is
/// applied to.
fn read_policy_value(path: Option<&Path>) -> Result<Option<serde_json::Value>, Failure> {
    let Some(path) = path else { return Ok(None) };
    let value = read_json(path)?;
    HrPolicy::from_json(Some(&value)).map_err(|e| in_file(path, e))?;
    Ok(Some(value))
}

/// Read a JSON file (or standard input, `-`) into a value; a syntax error is reported
/// against the file, with its line and column.
fn read_json(path: &Path) -> Result<serde_json::Value, Failure> {
    paygrade::json::parse(&read(path)?).map_err(|e| in_file(path, e))
}

/// Read a roster file (or the embedded sample).
/// Read a roster file (the sample without one); what the reading noticed (titles above
/// the header, a totals row skipped …) is said on stderr in `lang`, for every command.
fn load_roster(path: Option<&Path>, sheet: Option<&str>, lang: Lang) -> Result<Roster, Failure> {
    match path {
        Some(p) => {
            let (bytes, name) = roster_bytes(p)?;
            let roster =
                paygrade_roster::parse_roster(&bytes, &name, sheet).map_err(|e| in_file(p, e))?;
            for w in &roster.warnings {
                warn(p, &paygrade_text::warning(w, lang), lang);
            }
            Ok(roster)
        }
        None => paygrade_roster::sample::sample_roster().map_err(engine),
    }
}

fn as_of_date(as_of: Option<String>) -> Result<Option<chrono::NaiveDate>, Failure> {
    let text = as_of.unwrap_or_else(today);
    // The place is the option itself (`--as-of: not a valid date …`).
    paygrade::api::parse_as_of(Some(&text)).map_err(|mut e| {
        e.path = "--as-of".into();
        engine(e)
    })
}

/// Read a text file (`-` = standard input), refusing files over the JSON size limit.
fn read(path: &Path) -> Result<String, Failure> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::Read::take(std::io::stdin(), paygrade::json::MAX_JSON_BYTES as u64 + 1)
            .read_to_string(&mut text)
            .map_err(|e| format!("standard input: {e}"))?;
        return Ok(text);
    }
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, e))?;
    if meta.len() > paygrade::json::MAX_JSON_BYTES as u64 {
        return Err(in_file(
            path,
            paygrade::Error::new(
                paygrade::ErrorKind::TooLarge {
                    what: "file_bytes",
                    size: meta.len(),
                    limit: paygrade::json::MAX_JSON_BYTES as u64,
                },
                "",
            ),
        ));
    }
    std::fs::read_to_string(path).map_err(|e| unreadable(path, e))
}

fn pretty<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    paygrade::json::to_json_pretty(value).map_err(engine)
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

fn in_file(file: &Path, e: paygrade::Error) -> Failure {
    Failure::Engine(Some(file.to_path_buf()), Box::new(e))
}

fn engine(e: paygrade::Error) -> Failure {
    Failure::Engine(None, Box::new(e))
}

/// What a command prints on success: text, or an export already written to a spill.
enum Output {
    Text(String),
    Spill(Spill),
}

/// Output held until the command has succeeded (bad input prints nothing on stdout): in
/// memory up to [`Spill::IN_MEMORY`] bytes, then in a temporary file removed afterwards,
/// so a roster of any length is held in bounded memory.
struct Spill {
    memory: Vec<u8>,
    file: Option<(PathBuf, std::io::BufWriter<std::fs::File>)>,
}

impl Spill {
    /// The most bytes held in memory: 256 KiB.
    const IN_MEMORY: usize = 256 << 10;

    fn new() -> Self {
        Spill {
            memory: Vec::new(),
            file: None,
        }
    }

    /// Copy everything written to `to`.
    fn copy_to(mut self, to: &mut dyn std::io::Write) -> std::io::Result<()> {
        match &mut self.file {
            None => to.write_all(&self.memory),
            Some((_, writer)) => {
                writer.flush()?;
                let file = writer.get_mut();
                std::io::Seek::rewind(file)?;
                std::io::copy(file, to).map(|_| ())
            }
        }
        // Dropped here: the temporary file is removed.
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        if let Some((path, _)) = &self.file {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl std::io::Write for Spill {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.file.is_none() && self.memory.len() + buf.len() > Self::IN_MEMORY {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let path =
                std::env::temp_dir().join(format!("paygrade-{}-{nanos}.spill", std::process::id()));
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)?;
            let mut writer = std::io::BufWriter::with_capacity(1 << 16, file);
            writer.write_all(&std::mem::take(&mut self.memory))?;
            self.file = Some((path, writer));
        }
        match &mut self.file {
            Some((_, w)) => w.write(buf),
            None => {
                self.memory.extend_from_slice(buf);
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some((_, w)) => w.flush(),
            None => Ok(()),
        }
    }
}

/// Read a roster file's bytes (refusing one over the size limit before reading it).
fn roster_bytes(p: &Path) -> Result<(Vec<u8>, String), Failure> {
    let meta = std::fs::metadata(p).map_err(|e| unreadable(p, e))?;
    if meta.len() > paygrade_roster::MAX_FILE_BYTES as u64 {
        return Err(in_file(
            p,
            paygrade::Error::new(
                paygrade::ErrorKind::TooLarge {
                    what: "file_bytes",
                    size: meta.len(),
                    limit: paygrade_roster::MAX_FILE_BYTES as u64,
                },
                "",
            ),
        ));
    }
    let bytes = std::fs::read(p).map_err(|e| unreadable(p, e))?;
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((bytes, name))
}

fn run(cli: Cli) -> Result<Output, Failure> {
    let lang = cli.lang.as_deref();
    match &cli.command {
        Command::Roster {
            policy,
            as_of,
            format: Format::Csv,
            sheet,
            file: Some(path),
        } => {
            // Read, paid and written a person at a time (issue 16): no row limit, and
            // memory that does not grow with the rows.
            let lang = lang_of(lang, Some(Lang::En));
            let policy = load_policy(policy.as_deref())?;
            let (bytes, name) = roster_bytes(path)?;
            let as_of = as_of_date(as_of.clone())?;
            let mut spill = Spill::new();
            let streamed = paygrade_team::roster_export_csv_stream(
                &policy,
                &bytes,
                &name,
                sheet.as_deref(),
                as_of,
                lang,
                &mut spill,
            )
            .map_err(|e| in_file(path, e))?;
            std::io::Write::flush(&mut spill).map_err(|e| format!("{e}"))?;
            // What the reading noticed (titles above the header, a totals row skipped …),
            // on stderr: the export itself is on stdout.
            for w in &streamed.warnings {
                warn(path, &paygrade_text::warning(w, lang), lang);
            }
            Ok(Output::Spill(spill))
        }
        _ => run_text(cli).map(Output::Text),
    }
}

/// A warning about an input file, on stderr, one format for every command:
/// `paygrade: FILE: 提示：…` / `paygrade: FILE: warning: …`.
fn warn(file: &Path, text: &str, lang: Lang) {
    match lang {
        Lang::Zh => eprintln!("paygrade: {}: 提示：{text}", file.display()),
        Lang::En => eprintln!("paygrade: {}: warning: {text}", file.display()),
    }
}

fn run_text(cli: Cli) -> Result<String, Failure> {
    let whatif = matches!(cli.command, Command::Whatif { .. });
    let lang = cli.lang.as_deref();
    match cli.command {
        Command::Policy => pretty(&paygrade::Policy::default()),
        Command::Score { policy, employee } => {
            let policy = read_policy_value(policy.as_deref())?;
            let input = read_json(&employee)?;
            let result = paygrade_scorecard::score_json(policy.as_ref(), &input)
                .map_err(|e| in_file(&employee, e))?;
            pretty(&result)
        }
        Command::Compare {
            baseline,
            proposal,
            as_of,
            sheet,
            charts,
            format,
            out,
            file,
        } => {
            let lang = lang_of(lang, Some(Lang::En));
            let base = load_policy(baseline.as_deref())?;
            let prop = load_policy(Some(&proposal))?;
            let roster = load_roster(file.as_deref(), sheet.as_deref(), lang)?;
            let as_of = as_of_date(as_of)?;
            let people = &roster.employees;
            if let Some(dir) = &charts {
                let result = paygrade_team::compare(&base, &prop, people, as_of, &mut |_, _| {})
                    .map_err(|e| engine(roster.locate(e)))?;
                let value = serde_json::to_value(&result).map_err(|e| {
                    engine(paygrade::Error::new(
                        paygrade::ErrorKind::Internal(e.to_string()),
                        "",
                    ))
                })?;
                let svgs =
                    paygrade_charts::charts_json(&value, lang.pick("zh", "en")).map_err(engine)?;
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                for (name, svg) in [
                    ("cost.svg", &svgs.cost),
                    ("distribution.svg", &svgs.distribution),
                    ("differences.svg", &svgs.differences),
                ] {
                    let path = dir.join(name);
                    std::fs::write(&path, svg).map_err(|e| unwritable(&path, e))?;
                }
            }
            let bytes = if format == CompareFormat::Json {
                let result = paygrade_team::compare(&base, &prop, people, as_of, &mut |_, _| {})
                    .map_err(|e| engine(roster.locate(e)))?;
                pretty(&result)?.into_bytes()
            } else {
                // Each person's components under both policies (SPEC §5, §9).
                use paygrade_roster::export::{comparison_export_csv, comparison_export_xlsx};
                let (before, after) = paygrade_team::compare_pay(&base, &prop, people, as_of)
                    .map_err(|e| engine(roster.locate(e)))?;
                if format == CompareFormat::Csv {
                    comparison_export_csv(people, &before, &after, lang).map(String::into_bytes)
                } else {
                    comparison_export_xlsx(people, &before, &after, lang)
                }
                .map_err(engine)?
            };
            match out {
                Some(path) => {
                    std::fs::write(&path, bytes).map_err(|e| unwritable(&path, e))?;
                    let n = people.len();
                    Ok(format!(
                        "{}: {n}{}",
                        path.display(),
                        lang.pick(" 人", " people")
                    ))
                }
                None => String::from_utf8(bytes).map_err(|e| Failure::Text(e.to_string())),
            }
        }
        Command::Project {
            years,
            baseline,
            proposal,
            as_of,
            assign,
            sheet,
            file,
        } => {
            let base = load_policy(baseline.as_deref())?;
            let prop = match &proposal {
                Some(p) => load_policy(Some(p))?,
                None => base.clone(),
            };
            let roster = load_roster(file.as_deref(), sheet.as_deref(), lang_of(lang, None))?;
            let as_of = as_of_date(as_of)?;
            let result =
                paygrade_team::project(&base, &prop, &roster.employees, as_of, years, assign)
                    .map_err(|e| engine(roster.locate(e)))?;
            pretty(&result)
        }
        Command::Netpay { policy, schedule } => {
            let policy = read_policy_value(policy.as_deref())?;
            let input = read_json(&schedule)?;
            let result = paygrade_takehome::net_pay_json(policy.as_ref(), &input)
                .map_err(|e| in_file(&schedule, e))?;
            // Warnings (a dated rule that no longer applies) are in the JSON, with their
            // codes, and for people on stderr, in `warn`'s one format.
            let lang = lang_of(lang, None);
            for w in &result.warnings {
                let param = |k: &str| w.params.get(k).cloned().unwrap_or_default();
                warn(
                    Path::new(&schedule),
                    &paygrade_text::takehome_warning(w.code, &param, lang),
                    lang,
                );
            }
            pretty(&result)
        }
        Command::Roster {
            policy,
            as_of,
            format,
            sheet,
            file,
        } => {
            let lang = lang_of(lang, Some(Lang::En));
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref(), lang)?;
            let as_of = as_of_date(as_of)?;
            let pay =
                paygrade_team::roster_file_pay(&policy, &roster, as_of).map_err(
                    |e| match &file {
                        Some(f) => in_file(f, e),
                        None => engine(e),
                    },
                )?;
            match format {
                Format::Json => pretty(&pay),
                Format::Csv => {
                    paygrade_roster::export::roster_export_csv(&roster.employees, &pay, lang)
                        .map_err(engine)
                }
            }
        }
        Command::Payslips {
            policy,
            as_of,
            sheet,
            out,
            file,
        } => {
            let lang = lang_of(lang, Some(Lang::Zh));
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref(), lang)?;
            let date = as_of_date(as_of)?;
            let pay = paygrade_team::roster_file_pay(&policy, &roster, date).map_err(engine)?;
            let month = date
                .map(|d| d.format("%Y-%m").to_string())
                .unwrap_or_default();
            let names = paygrade_text::Names::of(policy.core.policy());
            let bytes = paygrade_roster::export::payslips_xlsx(&pay, &names, &month, lang)
                .map_err(engine)?;
            std::fs::write(&out, bytes).map_err(|e| unwritable(&out, e))?;
            Ok(format!("{}: {} payslips", out.display(), pay.results.len()))
        }
        Command::Quota {
            policy,
            sheet,
            file,
        } => {
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref(), lang_of(lang, None))?;
            let report = paygrade_team::quotas(&policy, &roster.employees)
                .map_err(|e| engine(roster.locate(e)))?;
            pretty(&report)
        }
        Command::Assign {
            policy,
            as_of,
            sheet,
            file,
        } => {
            let policy = load_policy(policy.as_deref())?;
            let roster = load_roster(file.as_deref(), sheet.as_deref(), lang_of(lang, None))?;
            let as_of = as_of_date(as_of)?;
            let result = paygrade_team::assign(&policy, &roster.employees, as_of)
                .map_err(|e| engine(roster.locate(e)))?;
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
            let as_of = as_of_date(as_of)?;
            let policy = load_policy(policy.as_deref())?;
            let located = |err| in_file(&employee, err);
            let person: paygrade::Employee =
                paygrade::json::FromJson::from_json(&read_json(&employee)?, "").map_err(located)?;
            if whatif {
                pretty(&paygrade_team::what_ifs(&policy, &person, as_of).map_err(located)?)
            } else {
                pretty(&paygrade_team::pay(&policy, &person, as_of).map_err(located)?)
            }
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = lang_of(cli.lang.as_deref(), None);
    match run(cli) {
        Ok(Output::Text(out)) => {
            use std::io::Write as _;
            let newline = if out.ends_with('\n') { "" } else { "\n" };
            // A closed pipe (`paygrade roster | head`) ends the output, not the process
            // with a panic.
            let _ = write!(std::io::stdout().lock(), "{out}{newline}");
            ExitCode::SUCCESS
        }
        Ok(Output::Spill(spill)) => {
            // The export ends with a line break already; a closed pipe ends the output.
            let _ = spill.copy_to(&mut std::io::stdout().lock());
            ExitCode::SUCCESS
        }
        Err(Failure::Text(msg)) => {
            eprintln!("paygrade: {}", msg.replace('\n', " "));
            ExitCode::from(2)
        }
        Err(Failure::File {
            path,
            error,
            writing,
        }) => {
            let why = file_problem(&error, writing, lang);
            eprintln!("paygrade: {}: {why}", path.display());
            ExitCode::from(2)
        }
        Err(Failure::Engine(file, e)) => {
            // One problem a line, in row order (a roster lists every bad row).
            let file = file
                .map(|f| format!("{}: ", f.display()))
                .unwrap_or_default();
            for line in paygrade_text::error_lines(&e, lang) {
                eprintln!("paygrade: {file}{line}");
            }
            ExitCode::from(2)
        }
    }
}
