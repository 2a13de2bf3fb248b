package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.jeugdkubus.staging.Reasons;
import org.junit.jupiter.api.Test;

/**
 * docs/reliability.md "Dead-letter reason codes" is the complete list of reasons a dead letter can carry:
 * every code the main sources can write is documented there, and every documented code still exists.
 * The codes in the sources are the constants of {@link Reasons} and every upper-case literal inside a
 * {@code deadLetter(...)} or {@code DeadLetters.of(...)} call (record types excluded), and every constant
 * {@code static final String X = "X"} of the staging and intermediate packages.
 */
class ReasonCodesDocumentedTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Set<String> RECORD_TYPES = Set.of("REGISTRATIE", "JW301", "JW305", "JW307", "JW315", "JW323",
      "DECLARATIE_CSV", "FINANCIEN", "CBS", "TOEWIJZING", "MUTATIE", "DECLARATIE");
  static final Pattern CALL = Pattern.compile("(?:deadLetter|DeadLetters\\.of)\\((.*?)\\);", Pattern.DOTALL);
  static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]{3,})\"");
  /** A reason constant of the staging or linkage code: {@code static final String X = "X";}. */
  static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z][A-Z0-9_]{3,}) = \"\\1\";");

  static Set<String> documented() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/reliability.md"));
    int start = doc.indexOf("## Dead-letter reason codes");
    assertTrue(start >= 0, "docs/reliability.md has a section 'Dead-letter reason codes'");
    int end = doc.indexOf("\n## ", start + 5);
    String section = doc.substring(start, end < 0 ? doc.length() : end);
    Set<String> codes = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)` \\|").matcher(section);
    while (m.find()) codes.add(m.group(1));
    return codes;
  }

  static Set<String> inCode() throws Exception {
    Set<String> codes = new TreeSet<>();
    for (Field f : Reasons.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("STAGE")) {
        codes.add((String) f.get(null));
      }
    }
    try (Stream<Path> files = Files.walk(ROOT.resolve("pipelines/src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        String pkg = f.getParent().getFileName().toString();
        if (pkg.equals("staging") || pkg.equals("intermediate")) {
          Matcher c = CONSTANT.matcher(text);
          while (c.find()) codes.add(c.group(1));
        }
        Matcher call = CALL.matcher(text);
        while (call.find()) {
          Matcher code = CODE.matcher(call.group(1));
          while (code.find()) {
            if (!RECORD_TYPES.contains(code.group(1))) codes.add(code.group(1));
          }
        }
      }
    }
    return codes;
  }

  @Test
  void everyReasonTheCodeCanWriteIsDocumentedAndNoOther() throws Exception {
    Set<String> code = inCode();
    Set<String> docs = documented();
    // the scan itself must see the codes of both stages (it would pass vacuously on an empty set)
    assertTrue(code.containsAll(Set.of("MALFORMED_ROW", "INVALID_BSN", "DUPLICATE_PRESTATIE", "END_BEFORE_START")), code.toString());
    Set<String> undocumented = new TreeSet<>(code);
    undocumented.removeAll(docs);
    Set<String> stale = new TreeSet<>(docs);
    stale.removeAll(code);
    assertEquals(Set.of(), undocumented, "reason codes written by the code but missing in docs/reliability.md");
    assertEquals(Set.of(), stale, "reason codes in docs/reliability.md that the code never writes");
  }
}
