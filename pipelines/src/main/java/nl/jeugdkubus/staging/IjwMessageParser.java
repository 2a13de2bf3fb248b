package nl.jeugdkubus.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.common.Euros;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one iJw 3.2 message (one {@code Bericht} per file) in one namespace-aware SAX pass that also validates it
 * against the XSD of its type ({@link IjwSchemas#read}). The message type comes from the root element's namespace
 * ({@code http://www.istandaarden.nl/ijw/3_2/jw301/schema}).
 *
 * <ul>
 *   <li>JW301: one {@link IjwToewijzing} per {@code ToegewezenProduct}; gemeente = "GM" + header
 *       Afzender, aanbieder = header Ontvanger.
 *   <li>JW305 / JW307: one {@link IjwStartStop} per {@code StartProduct} / {@code StopProduct};
 *       gemeente = "GM" + Ontvanger, aanbieder = Afzender.
 *   <li>JW323: one {@link DeclaratieRegel} (sourceFormat "JW323") per {@code Prestatie}; amounts are
 *       cents.
 *   <li>Any other type: every date element is checked (INVALID_DATE with its XML path for an impossible
 *       date), then one UNSUPPORTED_MESSAGE dead letter for the file.
 * </ul>
 *
 * A product with a problem becomes a dead letter with its XML path; the other products still come out.
 * XML that is not well-formed (or has a DOCTYPE) gives exactly one NOT_WELL_FORMED dead letter for the file (with
 * line and column) and nothing else from that file: the records of a file are held until its end tag is
 * read. No exception escapes {@link #parse}.
 */
public final class IjwMessageParser implements Serializable {
  public static final String SOURCE = "ijw";
  public static final Set<String> SUPPORTED = Set.of("JW301", "JW305", "JW307", "JW323");

  private static final Pattern IJW_NAMESPACE =
      Pattern.compile("http://www\\.istandaarden\\.nl/ijw/3_2/(jw\\d{3})/schema", Pattern.CASE_INSENSITIVE);

  /** Elements of type LDT_Datum in the iJw 3.2 XSDs. */
  static final Set<String> DATE_ELEMENTS = Set.of("Begindatum", "BeschikkingIngangsdatum", "Dagtekening",
      "DagtekeningRetour", "Datum", "DeclaratieDagtekening", "Einddatum", "GewensteIngangsdatum", "Ingangsdatum",
      "ToewijzingEinddatum", "ToewijzingIngangsdatum", "Toewijzingsdatum");

  /** Container elements whose children repeat (maxOccurs unbounded): their children get an index in paths. */
  static final Set<String> REPEATING_CONTAINERS = Set.of("AangevraagdeProducten", "Clienten", "Contactgegevens",
      "NieuweProducten", "OngewijzigdeProducten", "Prestaties", "Relaties", "RetourCodes", "StartProducten",
      "StopProducten", "TeWijzigenProducten", "ToegewezenProducten");

  private static final String H = "/Bericht/Header";
  private static final String CLIENT = "/Bericht/Client";
  private static final String JW301_PRODUCT = "/Bericht/Client/ToegewezenProducten/ToegewezenProduct";
  private static final String JW305_PRODUCT = "/Bericht/Client/StartProducten/StartProduct";
  private static final String JW307_PRODUCT = "/Bericht/Client/StopProducten/StopProduct";
  private static final String JW323_DECLARATIE = "/Bericht/Declaratie";
  private static final String JW323_CLIENT = "/Bericht/Declaratie/Clienten/Client";
  private static final String JW323_PRESTATIE = "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie";
  private static final int MAX_TEXT = 4096;

  /** Receives the records of one message. */
  public interface Sink {
    void toewijzing(IjwToewijzing t);

    void startStop(IjwStartStop s);

    void declaratie(DeclaratieRegel d);

    void dead(DeadLetter d);

    /** Counts something done to a record handed over (e.g. "gemeente.mapped"); default: ignored. */
    default void note(String what) {}
  }

  /** A sink that keeps everything (tests, and the per-file buffer). */
  public static final class Result implements Sink {
    public final List<IjwToewijzing> toewijzingen = new ArrayList<>();
    public final List<IjwStartStop> startStops = new ArrayList<>();
    public final List<DeclaratieRegel> declaraties = new ArrayList<>();
    public final List<DeadLetter> deadLetters = new ArrayList<>();
    /** How often each note was counted (e.g. gemeente.mapped). */
    public final java.util.Map<String, Long> notes = new java.util.TreeMap<>();

    @Override
    public void toewijzing(IjwToewijzing t) {
      toewijzingen.add(t);
    }

    @Override
    public void startStop(IjwStartStop s) {
      startStops.add(s);
    }

    @Override
    public void declaratie(DeclaratieRegel d) {
      declaraties.add(d);
    }

    @Override
    public void dead(DeadLetter d) {
      deadLetters.add(d);
    }

    @Override
    public void note(String what) {
      notes.merge(what, 1L, Long::sum);
    }

    public int recordCount() {
      return toewijzingen.size() + startStops.size() + declaraties.size();
    }

    void replayTo(Sink sink) {
      toewijzingen.forEach(sink::toewijzing);
      startStops.forEach(sink::startStop);
      declaraties.forEach(sink::declaratie);
      deadLetters.forEach(sink::dead);
      notes.forEach((what, n) -> {
        for (long i = 0; i < n; i++) sink.note(what);
      });
    }
  }

  private final Set<String> knownProductCategories;
  private final StagingRules rules;

  /** With the JZ020 codes of the classpath copy of conf/hulpvorm-mapping.csv. */
  public IjwMessageParser() {
    this(ProductCategories.load(null));
  }

  public IjwMessageParser(Set<String> knownProductCategories) {
    this(knownProductCategories, StagingRules.defaults(null));
  }

  /** @param rules the run's gemeente codes and date plausibility window */
  public IjwMessageParser(Set<String> knownProductCategories, StagingRules rules) {
    this.knownProductCategories = Set.copyOf(knownProductCategories);
    this.rules = rules;
  }

  /**
   * Parses one message file.
   *
   * @return the message type found in the root namespace ("JW301", "JW315", ...), or null when the
   *     file is not well-formed or not an iJw 3.2 message
   */
  public String parse(String fileName, InputStream in, Sink sink) {
    Run run = new Run(fileName);
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      sink.dead(DeadLetters.of(SOURCE, fileName, "/Bericht", Reasons.STAGE, Reasons.READ_ERROR,
          "message could not be read (" + e.getClass().getSimpleName() + ")", null, "IJW"));
      return null;
    }
    IjwSchemas.Outcome schema;
    try {
      schema = IjwSchemas.read(bytes, this::schemaOfRoot, run.events());
    } catch (SAXParseException e) {
      sink.dead(notWellFormed(fileName, e.getLineNumber(), e.getColumnNumber(), run.type, e.getMessage()));
      return null;
    } catch (IOException e) {
      // bytes that are not in the declared encoding (the reader's decoder refuses them)
      sink.dead(notWellFormed(fileName, run.line(), run.column(), run.type, e.getMessage()));
      return null;
    } catch (SAXException | RuntimeException e) {
      sink.dead(DeadLetters.of(SOURCE, fileName, "/Bericht", Reasons.STAGE, Reasons.READ_ERROR,
          "message could not be read (" + e.getClass().getSimpleName() + ")", null, run.type == null ? "IJW" : run.type));
      return null;
    }
    run.finish(run.supported ? schema : null);
    run.buffer.replayTo(sink);
    return run.type;
  }

  /** The message type whose XSD validates a message with this root element, or null (not read, so not validated). */
  private String schemaOfRoot(String namespace, String rootName) {
    String type = typeOf(rootName, namespace);
    return type != null && SUPPORTED.contains(type) ? type : null;
  }

  /** The iJw 3.2 message type of a root element ("JW301", "JW315", ...), or null when it is not an iJw 3.2 Bericht. */
  private static String typeOf(String rootName, String namespace) {
    Matcher m = IJW_NAMESPACE.matcher(namespace == null ? "" : namespace);
    return "Bericht".equals(rootName) && m.matches() ? m.group(1).toUpperCase() : null;
  }

  private static DeadLetter notWellFormed(String fileName, int line, int column, String type, String message) {
    String where = line <= 0 ? "unknown position" : "line " + line + ", column " + column;
    // the parser message may quote a bit of the document: it is cut to a safe length and masked like any text
    String msg = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    String detail = "not well-formed XML at " + where + (msg.isEmpty() ? "" : ": " + StagingValues.safe(msg, 160));
    return DeadLetters.of(SOURCE, fileName, where, Reasons.STAGE, Reasons.NOT_WELL_FORMED, detail, null,
        type == null ? "IJW" : type);
  }

  /** A record that passed its field checks, with the XML span of its element. */
  private record Pending(Object record, String position, Span span, String rawBsn, List<String> notes) {}

  /** From the end of an element's start tag to the end of its end tag (as the reader's locator reports them, like the validator). */
  private record Span(int line, int column, int endLine, int endColumn) {
    boolean contains(IjwSchemas.Violation v) {
      return compare(line, column, v.line(), v.column()) <= 0 && compare(v.line(), v.column(), endLine, endColumn) <= 0;
    }

    private static int compare(int l1, int c1, int l2, int c2) {
      return l1 != l2 ? Integer.compare(l1, l2) : Integer.compare(c1, c2);
    }
  }

  /** One element on the path from the root. */
  private static final class Frame {
    final String name;
    final String path; // without indices, the key of the values map
    final String indexedPath; // with indices where elements repeat: the position in dead letters
    Map<String, Integer> childCounts;
    boolean hasChildren;
    final StringBuilder text = new StringBuilder();
    final int line;
    final int column;

    Frame(String name, String path, String indexedPath, int line, int column) {
      this.name = name;
      this.path = path;
      this.indexedPath = indexedPath;
      this.line = line;
      this.column = column;
    }
  }

  /** The state of reading one file. */
  private final class Run {
    final String fileName;
    final Result buffer = new Result();
    final Deque<Frame> stack = new ArrayDeque<>();
    /** Leaf texts by path without indices; cleared below an element when it starts again. */
    final TreeMap<String, String> values = new TreeMap<>();
    String type;
    boolean supported;
    int records;
    /** The span of the record element just ended. */
    Span span;
    /** Records that passed the field checks, held until the message is validated. */
    final List<Pending> pending = new ArrayList<>();
    /** Spans of the records the field checks rejected (schema violations inside them add nothing). */
    final List<Span> rejectedSpans = new ArrayList<>();
    /** JW323: signed sum of the IngediendBedrag of every Prestatie (debit +, credit -), cents. */
    long prestatieSum;
    /** False when some Prestatie's amount or DebetCredit could not be read. */
    boolean prestatieSumComplete = true;

    Run(String fileName) {
      this.fileName = fileName;
    }

    /** Where the reader is (0 when unknown). */
    private Locator locator;

    int line() {
      return locator == null ? 0 : locator.getLineNumber();
    }

    int column() {
      return locator == null ? 0 : locator.getColumnNumber();
    }

    /** The SAX events of the message (behind the validator): elements, their text and the reader's position. */
    ContentHandler events() {
      return new DefaultHandler() {
        @Override
        public void setDocumentLocator(Locator l) {
          locator = l;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
          start(localName, uri);
        }

        @Override
        public void characters(char[] ch, int from, int length) {
          Frame top = stack.peek();
          if (top != null && top.text.length() < MAX_TEXT) top.text.append(ch, from, Math.min(length, MAX_TEXT));
        }

        @Override
        public void ignorableWhitespace(char[] ch, int from, int length) {
          characters(ch, from, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
          end();
        }
      };
    }

    private void start(String name, String namespace) {
      Frame parent = stack.peek();
      if (parent == null) {
        detectType(name, namespace);
        stack.push(new Frame(name, "/" + name, "/" + name, line(), column()));
        return;
      }
      parent.hasChildren = true;
      if (parent.childCounts == null) parent.childCounts = new HashMap<>();
      int n = parent.childCounts.merge(name, 1, Integer::sum);
      boolean indexed = n > 1 || REPEATING_CONTAINERS.contains(parent.name);
      String path = parent.path + "/" + name;
      String indexedPath = parent.indexedPath + "/" + name + (indexed ? "[" + n + "]" : "");
      // a new element of this path: forget what the previous one held
      values.subMap(path + "/", path + "/\uffff").clear();
      values.remove(path);
      stack.push(new Frame(name, path, indexedPath, line(), column()));
    }

    private void detectType(String rootName, String ns) {
      type = typeOf(rootName, ns);
      supported = type != null && SUPPORTED.contains(type);
    }

    private void end() {
      Frame f = stack.pop();
      span = locator == null ? new Span(f.line, f.column, Integer.MAX_VALUE, Integer.MAX_VALUE)
          : new Span(f.line, f.column, line(), column());
      if (!f.hasChildren) {
        String t = f.text.toString().strip();
        values.put(f.path, t);
        if (!supported && DATE_ELEMENTS.contains(f.name)) checkDate(f, t);
      }
      if (!supported || type == null) return;
      switch (type) {
        case "JW301" -> {
          if (f.path.equals(JW301_PRODUCT)) toewijzing(f.indexedPath);
        }
        case "JW305" -> {
          if (f.path.equals(JW305_PRODUCT)) startStop(f.indexedPath, JW305_PRODUCT);
        }
        case "JW307" -> {
          if (f.path.equals(JW307_PRODUCT)) startStop(f.indexedPath, JW307_PRODUCT);
        }
        case "JW323" -> {
          if (f.path.equals(JW323_PRESTATIE)) prestatie(f.indexedPath);
        }
        default -> { }
      }
    }

    private void accept(String position, String rawBsn, Issues issues, Object record) {
      pending.add(new Pending(record, position, span, rawBsn, List.copyOf(issues.notes())));
    }

    /**
     * Called once the end of the document was reached without a parse error, with the XSD outcome of
     * a supported message. A record the field checks passed is staged only when the message is valid
     * where it matters: a violation inside its own element rejects it (SCHEMA_INVALID), a violation
     * outside every record element (header, client, declaratie) rejects all of them. Then, for a JW323,
     * TotaalIngediendBedrag must equal the signed sum of the prestaties, else all are TOTAL_MISMATCH.
     */
    void finish(IjwSchemas.Outcome schema) {
      if (supported && records > 0) release(schema);
      if (!supported) {
        String detail = type == null
            ? "not an iJw 3.2 message (root element is not a Bericht in an http://www.istandaarden.nl/ijw/3_2/.../schema namespace)"
            : "message type " + type + " is not read by jeugdkubus (only " + String.join(", ", new java.util.TreeSet<>(SUPPORTED)) + ")";
        buffer.dead(DeadLetters.of(SOURCE, fileName, "/Bericht", Reasons.STAGE, Reasons.UNSUPPORTED_MESSAGE, detail,
            Issues.mask(firstBsn()), type == null ? "IJW" : type));
      } else if (records == 0) {
        buffer.dead(DeadLetters.of(SOURCE, fileName, "/Bericht", Reasons.STAGE, Reasons.EMPTY_FILE,
            type + " message holds no " + recordElement(), Issues.mask(firstBsn()), type));
      }
    }

    private void release(IjwSchemas.Outcome schema) {
      List<IjwSchemas.Violation> messageLevel = new ArrayList<>();
      if (schema != null) {
        for (IjwSchemas.Violation v : schema.violations()) {
          boolean inRecord = rejectedSpans.stream().anyMatch(s -> s.contains(v))
              || pending.stream().anyMatch(p -> p.span().contains(v));
          if (!inRecord) messageLevel.add(v);
        }
        // violations beyond the ones kept cannot be placed: they count against the whole message
        if (messageLevel.isEmpty() && schema.count() > schema.violations().size()) messageLevel.add(schema.violations().get(0));
      }
      String totalMismatch = "JW323".equals(type) ? totalMismatch() : null;
      for (Pending p : pending) {
        IjwSchemas.Violation v = null;
        for (IjwSchemas.Violation c : schema == null ? List.<IjwSchemas.Violation>of() : schema.violations()) {
          if (p.span().contains(c)) {
            v = c;
            break;
          }
        }
        if (v == null && !messageLevel.isEmpty()) v = messageLevel.get(0);
        if (v != null) {
          buffer.dead(DeadLetters.of(SOURCE, fileName, p.position(), Reasons.STAGE, Reasons.SCHEMA_INVALID,
              schemaDetail(v, schema.count()), Issues.mask(p.rawBsn()), type));
        } else if (totalMismatch != null) {
          buffer.dead(DeadLetters.of(SOURCE, fileName, p.position(), Reasons.STAGE, Reasons.TOTAL_MISMATCH,
              totalMismatch, Issues.mask(p.rawBsn()), type));
        } else {
          if (p.record() instanceof IjwToewijzing t) {
            buffer.toewijzing(t);
          } else if (p.record() instanceof IjwStartStop st) {
            buffer.startStop(st);
          } else {
            buffer.declaratie((DeclaratieRegel) p.record());
          }
          p.notes().forEach(buffer::note);
        }
      }
    }

    private String schemaDetail(IjwSchemas.Violation v, int count) {
      return "message does not conform to the iJw 3.2 " + type + " XSD at line " + v.line() + ", column " + v.column()
          + ": " + ValidatorMessages.mask(v.message())
          + (count > 1 ? " (" + count + " violations in the message)" : "");
    }

    /** Null when the header total agrees with the prestaties (or cannot be compared), else the detail. */
    private String totalMismatch() {
      String d = JW323_DECLARATIE + "/TotaalIngediendBedrag";
      Long total = StagingValues.wholeNumber(StagingValues.clean(values.get(d + "/TotaalBedrag")));
      String dc = StagingValues.clean(values.get(d + "/DebetCredit"));
      if (total == null || !prestatieSumComplete || !("D".equals(dc) || "C".equals(dc))) return null;
      long signedTotal = "C".equals(dc) ? -total : total;
      if (signedTotal == prestatieSum) return null;
      return "TotaalIngediendBedrag " + Euros.signed(signedTotal) + " differs from the sum of the " + records
          + " prestaties " + Euros.signed(prestatieSum) + " (difference " + Euros.signed(signedTotal - prestatieSum)
          + "): the whole declaratie " + StagingValues.safe(v(JW323_DECLARATIE + "/DeclaratieNummer")) + " is rejected";
    }

    private String recordElement() {
      return switch (type) {
        case "JW301" -> "ToegewezenProduct";
        case "JW305" -> "StartProduct";
        case "JW307" -> "StopProduct";
        default -> "Prestatie";
      };
    }

    private String firstBsn() {
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (e.getKey().endsWith("/Bsn")) return e.getValue();
      }
      return null;
    }

    /** Unsupported messages: an impossible date is reported with its path (the issue about JW315.xml). */
    private void checkDate(Frame f, String text) {
      try {
        StagingValues.ijwDate(text);
      } catch (IllegalArgumentException e) {
        boolean personal = f.path.contains("Geboortedatum");
        String detail = personal
            ? f.name + " (birth date) is not a valid date"
            : f.name + " " + StagingValues.safe(text) + " is not a valid date (yyyy-MM-dd)";
        buffer.dead(DeadLetters.of(SOURCE, fileName, f.indexedPath, Reasons.STAGE, Reasons.INVALID_DATE,
            detail, Issues.mask(nearestBsn()), type == null ? "IJW" : type));
      }
    }

    private String nearestBsn() {
      for (Frame a : stack) { // innermost first
        String b = values.get(a.path + "/Bsn");
        if (b != null) return b;
      }
      return null;
    }

    // ---- record builders ----

    private String v(String path) {
      return StagingValues.clean(values.get(path));
    }

    private String required(String path, String label, Issues issues) {
      String s = v(path);
      if (s == null) issues.add(Reasons.MISSING_FIELD, label + " is missing");
      return s;
    }

    private String gemeente(String path, String label, Issues issues) {
      String s = v(path);
      if (s == null) {
        issues.add(Reasons.MISSING_FIELD, label + " (gemeente) is missing");
        return null;
      }
      String g = StagingValues.gmFromIjw(s);
      if (g == null) issues.add(Reasons.INVALID_CODE, label + " (gemeente) " + StagingValues.safe(s) + " is not 4 digits");
      return rules.gemeenten().check(label + " (gemeente)", g, issues);
    }

    private String bsn(String path, Issues issues) {
      String s = v(path);
      if (s == null) {
        issues.add(Reasons.MISSING_FIELD, "Bsn is missing");
        return null;
      }
      String n = StagingValues.normaliseBsn(s);
      if (n == null) issues.add(Reasons.INVALID_BSN, "Bsn is not 8 or 9 digits after removing spaces, dots and dashes ("
          + StagingValues.bsnDigits(s).length() + " characters)");
      return n;
    }

    private String date(String path, String label, boolean required, boolean personal, Issues issues) {
      String s = v(path);
      if (s == null) {
        if (required) issues.add(Reasons.MISSING_FIELD, label + " is missing");
        return null;
      }
      try {
        return rules.dates().check(label, StagingValues.ijwDate(s), personal, issues);
      } catch (IllegalArgumentException e) {
        issues.add(Reasons.INVALID_DATE, personal
            ? label + " is not a valid date"
            : label + " " + StagingValues.safe(s) + " is not a valid date (yyyy-MM-dd)");
        return null;
      }
    }

    private String geslacht(String path, Issues issues) {
      String s = v(path);
      if (s == null) return null;
      String g = StagingValues.geslachtCod046(s);
      if (g == null) issues.add(Reasons.INVALID_CODE, "Geslacht " + StagingValues.safe(s) + " is not a COD046 code (0, 1, 2)");
      return g;
    }

    private String categorie(String path, String label, Issues issues) {
      String s = v(path);
      if (s != null && !knownProductCategories.contains(s)) {
        issues.add(Reasons.UNKNOWN_CODE, label + " " + StagingValues.safe(s) + " is not a JZ020 code in conf/hulpvorm-mapping.csv");
      }
      return s;
    }

    private Long cents(String path, String label, boolean required, Issues issues) {
      String s = v(path);
      if (s == null) {
        if (required) issues.add(Reasons.MISSING_FIELD, label + " is missing");
        return null;
      }
      Long c = StagingValues.wholeNumber(s);
      if (c == null) issues.add(Reasons.INVALID_AMOUNT, label + " " + StagingValues.safe(s) + " is not a whole number of cents");
      return c;
    }

    private void reject(Issues issues, String position, String rawBsn) {
      rejectedSpans.add(span);
      buffer.dead(issues.toDeadLetter(SOURCE, fileName, position, rawBsn, type));
    }

    private void toewijzing(String position) {
      records++;
      String p = JW301_PRODUCT;
      Issues issues = new Issues();
      String berichtId = required(H + "/BerichtIdentificatie/Identificatie", "BerichtIdentificatie/Identificatie", issues);
      String gemeente = gemeente(H + "/Afzender", "Afzender", issues);
      String aanbieder = required(H + "/Ontvanger", "Ontvanger", issues);
      String bsn = bsn(CLIENT + "/Bsn", issues);
      String geboorte = date(CLIENT + "/Geboortedatum/Datum", "Geboortedatum", false, true, issues);
      String geslacht = geslacht(CLIENT + "/Geslacht", issues);
      String nummer = required(p + "/ToewijzingNummer", "ToewijzingNummer", issues);
      String categorie = categorie(p + "/Product/Categorie", "Product/Categorie", issues);
      String toewijzingsdatum = date(p + "/Toewijzingsdatum", "Toewijzingsdatum", false, false, issues);
      String ingang = date(p + "/Ingangsdatum", "Ingangsdatum", true, false, issues);
      String eind = date(p + "/Einddatum", "Einddatum", false, false, issues);
      if (!issues.isEmpty()) {
        reject(issues, position, v(CLIENT + "/Bsn"));
        return;
      }
      accept(position, v(CLIENT + "/Bsn"), issues, IjwToewijzing.newBuilder()
          .setSourceFile(fileName)
          .setPosition(position)
          .setBerichtId(berichtId)
          .setGemeenteCode(gemeente)
          .setAanbiederCode(aanbieder)
          .setBsn(bsn)
          .setGeboortedatum(geboorte)
          .setGeslacht(geslacht)
          .setToewijzingNummer(nummer)
          .setProductCategorie(categorie)
          .setProductCode(v(p + "/Product/Code"))
          .setToewijzingsdatum(toewijzingsdatum)
          .setIngangsdatum(ingang)
          .setEinddatum(eind)
          .setRedenWijziging(v(p + "/RedenWijziging"))
          .build());
    }

    private void startStop(String position, String p) {
      records++;
      boolean stop = p.equals(JW307_PRODUCT);
      Issues issues = new Issues();
      String berichtId = required(H + "/BerichtIdentificatie/Identificatie", "BerichtIdentificatie/Identificatie", issues);
      String gemeente = gemeente(H + "/Ontvanger", "Ontvanger", issues);
      String aanbieder = required(H + "/Afzender", "Afzender", issues);
      String bsn = bsn(CLIENT + "/Bsn", issues);
      String geboorte = date(CLIENT + "/Geboortedatum/Datum", "Geboortedatum", false, true, issues);
      String geslacht = geslacht(CLIENT + "/Geslacht", issues);
      String nummer = required(p + "/ToewijzingNummer", "ToewijzingNummer", issues);
      String categorie = categorie(p + "/Product/Categorie", "Product/Categorie", issues);
      String toewijzingIngang = date(p + "/ToewijzingIngangsdatum", "ToewijzingIngangsdatum", false, false, issues);
      String begin = date(p + "/Begindatum", "Begindatum", true, false, issues);
      String eind = stop ? date(p + "/Einddatum", "Einddatum", true, false, issues) : null;
      if (!issues.isEmpty()) {
        reject(issues, position, v(CLIENT + "/Bsn"));
        return;
      }
      accept(position, v(CLIENT + "/Bsn"), issues, IjwStartStop.newBuilder()
          .setSourceFile(fileName)
          .setPosition(position)
          .setBerichtType(type)
          .setBerichtId(berichtId)
          .setGemeenteCode(gemeente)
          .setAanbiederCode(aanbieder)
          .setBsn(bsn)
          .setGeboortedatum(geboorte)
          .setGeslacht(geslacht)
          .setToewijzingNummer(nummer)
          .setProductCategorie(categorie)
          .setProductCode(v(p + "/Product/Code"))
          .setToewijzingIngangsdatum(toewijzingIngang)
          .setBegindatum(begin)
          .setEinddatum(eind)
          .setRedenBeeindiging(stop ? v(p + "/RedenBeeindiging") : null)
          .setStatusAanlevering(v(p + "/StatusAanlevering"))
          .build());
    }

    private void prestatie(String position) {
      records++;
      String p = JW323_PRESTATIE;
      Issues issues = new Issues();
      String gemeente = gemeente(H + "/Ontvanger", "Ontvanger", issues);
      String aanbieder = required(H + "/Afzender", "Afzender", issues);
      String declaratieNummer = required(JW323_DECLARATIE + "/DeclaratieNummer", "DeclaratieNummer", issues);
      String bsn = bsn(JW323_CLIENT + "/Bsn", issues);
      String referentie = required(p + "/ProductReferentie/ReferentieNummer", "ProductReferentie/ReferentieNummer", issues);
      String categorie = categorie(p + "/ProductCategorie", "ProductCategorie", issues);
      String begin = date(p + "/ProductPeriode/Begindatum", "ProductPeriode/Begindatum", true, false, issues);
      String eind = date(p + "/ProductPeriode/Einddatum", "ProductPeriode/Einddatum", true, false, issues);
      Long volume = null;
      String volumeText = v(p + "/GeleverdVolume");
      if (volumeText != null) {
        volume = StagingValues.wholeNumber(volumeText);
        if (volume == null) issues.add(Reasons.INVALID_NUMBER, "GeleverdVolume " + StagingValues.safe(volumeText) + " is not a whole number");
      }
      Long tarief = cents(p + "/ProductTarief", "ProductTarief", false, issues);
      Long bedrag = cents(p + "/IngediendBedrag/Bedrag", "IngediendBedrag/Bedrag", true, issues);
      String dc = v(p + "/IngediendBedrag/DebetCredit");
      if (dc == null) {
        issues.add(Reasons.MISSING_FIELD, "IngediendBedrag/DebetCredit is missing");
      } else if (!dc.equals("D") && !dc.equals("C")) {
        issues.add(Reasons.INVALID_CODE, "IngediendBedrag/DebetCredit " + StagingValues.safe(dc) + " is not D or C");
      }
      if (bedrag != null && ("D".equals(dc) || "C".equals(dc))) {
        prestatieSum += "C".equals(dc) ? -bedrag : bedrag;
      } else {
        prestatieSumComplete = false;
      }
      if (!issues.isEmpty()) {
        reject(issues, position, v(JW323_CLIENT + "/Bsn"));
        return;
      }
      accept(position, v(JW323_CLIENT + "/Bsn"), issues, DeclaratieRegel.newBuilder()
          .setSourceFile(fileName)
          .setPosition(position)
          .setSourceFormat("JW323")
          .setGemeenteCode(gemeente)
          .setAanbiederCode(aanbieder)
          .setDeclaratieNummer(declaratieNummer)
          .setReferentieNummer(referentie)
          .setBsn(bsn)
          .setToewijzingNummer(v(p + "/ToewijzingNummer"))
          .setProductCategorie(categorie)
          .setProductCode(v(p + "/ProductCode"))
          .setPeriodeBegin(begin)
          .setPeriodeEind(eind)
          .setGeleverdVolume(volume)
          .setEenheid(v(p + "/Eenheid"))
          .setProductTariefCenten(tarief)
          .setBedragCenten(bedrag)
          .setDebetCredit(dc)
          .build());
    }
  }
}
