package nl.jeugdkubus;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Every option of the main job; {@code --help=nl.jeugdkubus.JeugdkubusOptions} lists them. */
public interface JeugdkubusOptions extends PipelineOptions {

  @Description("Input folder with one subfolder per source: registraties/, ijw/, declaraties/, cbs/ (docs/input-formats.md). "
      + "Each source can be overridden by its own option.")
  String getInput();
  void setInput(String value);

  @Description("Municipal registrations (local team / toegang), CSV file glob. Default: <input>/registraties/*.csv; 'none' skips this source")
  String getRegistrations();
  void setRegistrations(String value);

  @Description("iJw 3.2 messages (JW301, JW305, JW307, JW323), XML file glob; a .zip file is an archive of messages. Default: <input>/ijw/*.{xml,zip}; 'none' skips this source")
  String getIjw();
  void setIjw(String value);

  @Description("Flat declarations export, CSV file glob. Default: <input>/declaraties/*.csv; 'none' skips this source")
  String getDeclarationsCsv();
  void setDeclarationsCsv(String value);

  @Description("CBS Statline tables, OData TypedDataSet JSON or CSV, file glob. Default: <input>/cbs/*; 'none' skips this source")
  String getCbs();
  void setCbs(String value);

  @Description("Optional municipal finance table (gemeente;jaar;post;bedrag, e.g. Iv3 taakvelden 6.72/6.82 and "
      + "'preventie'), CSV file glob. Default: <input>/financien/*.csv (absent folder: no finance rows); 'none' skips it")
  String getFinance();
  void setFinance(String value);

  @Description("Output folder: tables/ (the published Parquet tables), dimensions/, deadletters/, manifest.json")
  @Default.String("out")
  String getOutput();
  void setOutput(String value);

  @Description("Periods to report: half-years and ranges, e.g. 2024H1, 2023H1,2023H2 or 2021H1-2024H2")
  @Default.String("2021H1-2024H2")
  String getPeriods();
  void setPeriods(String value);

  @Description("File holding the secret pseudonymisation key (must not be readable by group or others). "
      + "Either this or --keyEnv is required.")
  String getKeyFile();
  void setKeyFile(String value);

  @Description("Name of an environment variable holding the secret pseudonymisation key (used when --keyFile is not given)")
  @Default.String("JEUGDKUBUS_KEY")
  String getKeyEnv();
  void setKeyEnv(String value);

  @Description("Purpose label mixed into every pseudonym: cubes made for different purposes cannot be joined")
  @Default.String("beleidsinformatie-jeugd")
  String getPurpose();
  void setPurpose(String value);

  @Description("Folder with configuration tables overriding the packaged conf/ (code lists, mappings, regions, indicators)")
  String getConfDir();
  void setConfDir(String value);

  @Description("Identifier of this run, written into every cube row and the manifest. Default: a UTC timestamp")
  String getRunId();
  void setRunId(String value);

  @Description("Also write the internal, unprotected cube (no rounding, no suppression) to <output>/internal/. "
      + "For authorised analysts only.")
  @Default.Boolean(false)
  boolean getInternalCube();
  void setInternalCube(boolean value);

  @Description("Disclosure control: counts are rounded to a multiple of this number")
  @Default.Integer(5)
  int getRoundTo();
  void setRoundTo(int value);

  @Description("Disclosure control: counts from 1 up to and including this number are suppressed")
  @Default.Integer(7)
  int getSuppressUpTo();
  void setSuppressUpTo(int value);

  @Description("Disclosure control: whether secondary suppression may choose a top-level row (every dimension totaal) "
      + "when nothing else is left (fewer leaks, fewer top-level rows published; docs/disclosure.md)")
  @Default.Boolean(false)
  boolean getProtectTopLevel();
  void setProtectTopLevel(boolean value);

  @Description("Reference group of gemeenten for the benchmark, comma-separated GM codes. Default: the gemeenten in the input")
  String getReferenceGroup();
  void setReferenceGroup(String value);

  @Description("Report every period on the gemeente boundaries of 1 January of this year (2019-2026; docs/mappings.md "
      + "\"Herindeling and boundaries\"): old codes are mapped along the mergers up to that day; a gemeente created later "
      + "is a NOT_ON_BOUNDARIES dead letter. Default: the newest boundaries (conf/gemeenten-2026.csv, every merger applied)")
  String getBoundaries();
  void setBoundaries(String value);

  @Description("Base period for index figures (value of the base period = 100)")
  @Default.String("2021H1")
  String getIndexBase();
  void setIndexBase(String value);

  @Description("Reject threshold: when more than this percentage of the records of one source ends in the dead letters, "
      + "the run is not published (exit code 4) and names the source and its top reasons")
  @Default.Double(2.0)
  double getMaxRejectPercent();
  void setMaxRejectPercent(double value);

  @Description("Date plausibility: an event date (start, aanmelding, dagtekening, declaration period) more than this many days "
      + "after the later of the run date and the end of the last period is an IMPLAUSIBLE_DATE dead letter (docs/reliability.md)")
  @Default.Integer(366)
  int getMaxDaysAhead();
  void setMaxDaysAhead(int value);

  @Description("Print progress (stage, records so far) to the console while the job runs")
  @Default.Boolean(true)
  boolean getProgress();
  void setProgress(boolean value);

  @Description("What a run on an output folder that already holds a published version replaces: 'periods' (default) "
      + "replaces only the partitions of --periods (and of their year, when published) and keeps every other period "
      + "byte-identical; 'all' replaces the whole output. The first run on an empty folder always publishes everything "
      + "(docs/runbook.md, 'Reruns')")
  @Default.String("periods")
  String getReplace();
  void setReplace(String value);

  @Description("History retention: a period-exact rerun keeps the previous version of every replaced file under "
      + "<output>/history/<run_id>/; only the newest this many history runs are kept (at least 1)")
  @Default.Integer(4)
  int getKeepHistory();
  void setKeepHistory(int value);
}
