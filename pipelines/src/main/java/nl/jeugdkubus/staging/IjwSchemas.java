package nl.jeugdkubus.staging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The iJw 3.2 XSDs (classpath {@code /schemas/ijw-3.2/xsd/}, packaged in the jar from the repository's
 * {@code schemas/}) and the validation of one message against its type's XSD.
 *
 * <p>Each type's {@link Schema} is compiled once per JVM (worker), on first use, and shared by all
 * threads ({@code Schema} is immutable and thread-safe); a {@link ValidatorHandler} per type and a SAX reader are
 * made per thread and reused. A message is read once ({@link #read}): the reader's events go through the validator
 * of its type to the caller's handler. Hardening: the schemas are read only from the classpath through a resource
 * resolver that knows the XSD file names and nothing else; a message may not have a DOCTYPE, no
 * external entity, DTD or schema is ever fetched ({@code ACCESS_EXTERNAL_DTD} and
 * {@code ACCESS_EXTERNAL_SCHEMA} empty, secure processing on).
 */
public final class IjwSchemas {
  static final String DIR = "/schemas/ijw-3.2/xsd/";
  /** The XSD files a message schema may import. */
  static final Set<String> FILES = Set.of("basisschema.xsd", "JW301.xsd", "JW305.xsd", "JW307.xsd", "JW323.xsd");
  /** At most this many errors are kept per message (all are counted). */
  static final int MAX_ERRORS = 20;

  private IjwSchemas() {}

  /** One violation: where the validator found it and its message (unmasked: mask before it leaves). */
  public record Violation(int line, int column, String message) {}

  /** The violations of one message: the first {@link #MAX_ERRORS} and the total count. */
  public record Outcome(List<Violation> violations, int count) {
    public boolean valid() {
      return count == 0;
    }
  }

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<String, ValidatorHandler>> VALIDATORS = ThreadLocal.withInitial(java.util.HashMap::new);
  private static final ThreadLocal<XMLReader> READERS = ThreadLocal.withInitial(IjwSchemas::newReader);

  /** The compiled schema of a message type (JW301, JW305, JW307, JW323); compiled once. */
  static Schema schema(String type) {
    return SCHEMAS.computeIfAbsent(type, IjwSchemas::compile);
  }

  private static Schema compile(String type) {
    String file = type + ".xsd";
    if (!FILES.contains(file)) throw new IllegalArgumentException("no XSD for message type " + type);
    try {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      sf.setResourceResolver(new ClasspathResolver());
      URL url = resource(file);
      try (InputStream in = url.openStream()) {
        return sf.newSchema(new StreamSource(in, url.toExternalForm()));
      }
    } catch (SAXException e) {
      throw new IllegalStateException("the packaged iJw XSD " + file + " does not compile: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL resource(String file) {
    URL url = IjwSchemas.class.getResource(DIR + file);
    if (url == null) throw new IllegalStateException("iJw XSD " + DIR + file + " is not on the classpath");
    return url;
  }

  /**
   * Reads one message in one SAX pass: the hardened reader checks that it is well-formed, the {@link ValidatorHandler}
   * of its type validates it, and {@code handler} receives the same events (behind the validator, with the reader's
   * locator). The type is chosen at the root element: {@code schemaOfRoot} maps its namespace URI and local name to a
   * message type with an XSD (JW301, JW305, JW307, JW323), or to null, and then nothing is validated.
   *
   * @return the violations of the XSD (none when no type was chosen)
   * @throws SAXParseException when the message is not well-formed (a DOCTYPE included): its line and column
   * @throws IOException when its bytes are not in the encoding it declares
   */
  public static Outcome read(byte[] message, BiFunction<String, String, String> schemaOfRoot, ContentHandler handler)
      throws SAXException, IOException {
    XMLReader reader = READERS.get();
    Collector errors = new Collector();
    Dispatch dispatch = new Dispatch(schemaOfRoot, handler, errors);
    reader.setContentHandler(dispatch);
    reader.setErrorHandler(errors);
    boolean done = false;
    try {
      reader.parse(new InputSource(new ByteArrayInputStream(message)));
      done = true;
    } finally {
      // a validator left half-way through a document is not trusted for the next one
      if (!done && dispatch.type != null) VALIDATORS.get().remove(dispatch.type);
    }
    return new Outcome(Collections.unmodifiableList(errors.violations), errors.count);
  }

  /** Validates one whole message (its bytes) against the XSD of the given type. Never throws for bad input. */
  public static Outcome validate(String type, byte[] message) {
    try {
      return read(message, (ns, root) -> type, new DefaultHandler());
    } catch (SAXParseException e) {
      return new Outcome(List.of(violation(e)), 1);
    } catch (SAXException | IOException | RuntimeException e) {
      return new Outcome(List.of(new Violation(0, 0, "validation failed (" + e.getClass().getSimpleName() + ")")), 1);
    }
  }

  private static Violation violation(SAXParseException e) {
    return new Violation(e.getLineNumber(), e.getColumnNumber(), e.getMessage() == null ? "" : e.getMessage());
  }

  private static ValidatorHandler validatorHandler(String type) {
    return VALIDATORS.get().computeIfAbsent(type, IjwSchemas::newValidatorHandler);
  }

  private static ValidatorHandler newValidatorHandler(String type) {
    ValidatorHandler v = schema(type).newValidatorHandler();
    try {
      v.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("cannot harden the XSD validator", e);
    }
    // a message may name schemas (xsi:schemaLocation): none is ever loaded
    v.setResourceResolver((t, ns, publicId, systemId, base) -> {
      throw new SecurityException("a message may not load " + systemId);
    });
    return v;
  }

  /**
   * Between the reader and the caller's handler: holds the document start and the prefix mappings until the root
   * element names the message type, then puts that type's validator in between (or nothing) and forwards everything.
   */
  private static final class Dispatch implements ContentHandler {
    private final BiFunction<String, String, String> schemaOfRoot;
    private final ContentHandler handler;
    private final Collector errors;
    private final List<String[]> prefixes = new ArrayList<>();
    private Locator locator;
    private ContentHandler target;
    String type;

    Dispatch(BiFunction<String, String, String> schemaOfRoot, ContentHandler handler, Collector errors) {
      this.schemaOfRoot = schemaOfRoot;
      this.handler = handler;
      this.errors = errors;
    }

    @Override
    public void setDocumentLocator(Locator l) {
      locator = l;
      handler.setDocumentLocator(l);
    }

    @Override
    public void startDocument() {
      // held until the root element is known
    }

    @Override
    public void endDocument() throws SAXException {
      if (target != null) target.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      if (target == null) {
        prefixes.add(new String[] {prefix, uri});
      } else {
        target.startPrefixMapping(prefix, uri);
      }
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      if (target != null) target.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      if (target == null) {
        type = schemaOfRoot.apply(uri, localName);
        if (type != null) {
          ValidatorHandler v = validatorHandler(type);
          v.setErrorHandler(errors);
          v.setContentHandler(handler);
          if (locator != null) v.setDocumentLocator(locator);
          target = v;
        } else {
          target = handler;
        }
        target.startDocument();
        for (String[] p : prefixes) target.startPrefixMapping(p[0], p[1]);
      }
      target.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      target.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (target != null) target.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      if (target != null) target.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String piTarget, String data) throws SAXException {
      if (target != null) target.processingInstruction(piTarget, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      if (target != null) target.skippedEntity(name);
    }
  }

  private static XMLReader newReader() {
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      XMLReader r = f.newSAXParser().getXMLReader();
      r.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      r.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return r;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot make a hardened SAX parser", e);
    }
  }

  /** Collects errors; a fatal error ends the validation. */
  private static final class Collector implements ErrorHandler {
    final List<Violation> violations = new ArrayList<>();
    int count;
    SAXParseException last;

    void add(SAXParseException e) {
      if (e == last) return;
      last = e;
      count++;
      if (violations.size() < MAX_ERRORS) {
        violations.add(violation(e));
      }
    }

    @Override
    public void warning(SAXParseException e) {
      // warnings are not violations
    }

    @Override
    public void error(SAXParseException e) {
      add(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      add(e);
      throw e;
    }
  }

  /** Resolves the import of basisschema.xsd (and only the known XSD file names) from the classpath. */
  private static final class ClasspathResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId, String baseURI) {
      String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
      if (!FILES.contains(name)) throw new SecurityException("the iJw XSDs may not load " + systemId);
      URL url = resource(name);
      InputStream in;
      try {
        in = url.openStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ClasspathInput(publicId, url.toExternalForm(), baseURI, in);
    }
  }

  /** A minimal LSInput over a byte stream. */
  private record ClasspathInput(String publicId, String systemId, String baseURI, InputStream in) implements LSInput {
    @Override public java.io.Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(java.io.Reader r) { }
    @Override public InputStream getByteStream() { return in; }
    @Override public void setByteStream(InputStream s) { }
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) { }
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String s) { }
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String s) { }
    @Override public String getBaseURI() { return baseURI; }
    @Override public void setBaseURI(String s) { }
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) { }
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) { }
  }
}
