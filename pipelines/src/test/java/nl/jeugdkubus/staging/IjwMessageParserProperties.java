package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Property tests of {@link IjwMessageParser}: damaged copies of the example messages (elements deleted,
 * duplicated, swapped, values replaced, truncated, garbage inserted, bytes flipped) and random bytes
 * never make it throw, and every record element of a message ends as exactly one record or one dead
 * letter (counted independently with a DOM parser).
 */
class IjwMessageParserProperties {
  private static final IjwMessageParser PARSER = new IjwMessageParser();
  private static final Pattern NS = Pattern.compile("http://www\\.istandaarden\\.nl/ijw/3_2/(jw\\d{3})/schema", Pattern.CASE_INSENSITIVE);
  private static final Map<String, List<String>> RECORD_PATH = Map.of(
      "JW301", List.of("Client", "ToegewezenProducten", "ToegewezenProduct"),
      "JW305", List.of("Client", "StartProducten", "StartProduct"),
      "JW307", List.of("Client", "StopProducten", "StopProduct"),
      "JW323", List.of("Declaratie", "Clienten", "Client", "Prestaties", "Prestatie"));

  @Provide
  Arbitrary<String> examples() {
    return Arbitraries.of("JW301.xml", "JW305.xml", "JW307.xml", "JW323.xml", "JW315.xml", "JW302.xml");
  }

  @Property(tries = 250)
  void damagedMessagesAreAccountedFor(@ForAll("examples") String example, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int operations) throws IOException {
    byte[] bytes = Mutations.xml(IjwMessageParserTest.example(example), new Random(seed), operations);
    check(bytes);
  }

  @Property(tries = 200)
  void randomBytesAreAccountedFor(@ForAll byte[] bytes) {
    check(bytes);
  }

  private static void check(byte[] bytes) {
    IjwMessageParser.Result r = new IjwMessageParser.Result();
    String type = PARSER.parse("m.xml", new ByteArrayInputStream(bytes), r); // must not throw
    List<String> reasons = r.deadLetters.stream().map(DeadLetter::getReason).toList();
    Document doc = dom(bytes);
    if (doc == null) {
      Statistics.collect("not well-formed");
      assertEquals(0, r.recordCount());
      assertEquals(List.of("NOT_WELL_FORMED"), reasons);
      return;
    }
    Element root = doc.getDocumentElement();
    Matcher m = NS.matcher(root.getNamespaceURI() == null ? "" : root.getNamespaceURI());
    String domType = "Bericht".equals(root.getLocalName()) && m.matches() ? m.group(1).toUpperCase() : null;
    assertEquals(domType, type);
    if (domType == null || !IjwMessageParser.SUPPORTED.contains(domType)) {
      Statistics.collect("unsupported");
      assertEquals(0, r.recordCount());
      assertEquals(1, reasons.stream().filter("UNSUPPORTED_MESSAGE"::equals).count(), reasons::toString);
      assertTrue(reasons.stream().allMatch(x -> x.equals("UNSUPPORTED_MESSAGE") || x.equals("INVALID_DATE")), reasons::toString);
      return;
    }
    int n = count(root, RECORD_PATH.get(domType), 0);
    Statistics.collect(n == 0 ? "no record element" : r.recordCount() == n ? "all records" : "some dead letters");
    if (n == 0) {
      assertEquals(0, r.recordCount());
      assertEquals(List.of("EMPTY_FILE"), reasons);
      return;
    }
    // each record element exactly once: as a record or as a dead letter at its position
    assertEquals(n, r.recordCount() + r.deadLetters.size(), reasons::toString);
    Set<String> positions = new HashSet<>();
    r.toewijzingen.stream().map(IjwToewijzing::getPosition).forEach(positions::add);
    r.startStops.stream().map(IjwStartStop::getPosition).forEach(positions::add);
    r.declaraties.stream().map(DeclaratieRegel::getPosition).forEach(positions::add);
    r.deadLetters.stream().map(DeadLetter::getPosition).forEach(positions::add);
    assertEquals(n, positions.size(), positions::toString);
  }

  /** Elements at the path (local names) below the element. */
  private static int count(Element e, List<String> path, int depth) {
    if (depth == path.size()) return 1;
    int n = 0;
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce && path.get(depth).equals(ce.getLocalName())) n += count(ce, path, depth + 1);
    }
    return n;
  }

  private static Document dom(byte[] bytes) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setExpandEntityReferences(false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      var b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return null;
    }
  }

}
