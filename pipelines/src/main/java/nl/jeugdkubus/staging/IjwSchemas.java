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
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The iJw 3.2 XSDs (classpath {@code /schemas/ijw-3.2/xsd/}, packaged in the jar from the repository's
 * {@code schemas/}) and the validation of one message against its type's XSD.
 *
 * <p>Each type's {@link Schema} is compiled once per JVM (worker), on first use, and shared by all
 * threads ({@code Schema} is immutable and thread-safe); a {@link Validator} and a SAX reader are made
 * per thread and reused. Hardening: the schemas are read only from the classpath through a resource
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
  private static final ThreadLocal<Map<String, Validator>> VALIDATORS = ThreadLocal.withInitial(java.util.HashMap::new);
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

  /** Validates one whole message (its bytes) against the XSD of its type. Never throws for bad input. */
  public static Outcome validate(String type, byte[] message) {
    Validator v = VALIDATORS.get().computeIfAbsent(type, IjwSchemas::newValidator);
    Collector errors = new Collector();
    v.setErrorHandler(errors);
    try {
      InputSource src = new InputSource(new ByteArrayInputStream(message));
      v.validate(new SAXSource(READERS.get(), src));
    } catch (SAXParseException e) {
      errors.add(e); // a fatal error (DOCTYPE, not well-formed): already counted unless thrown directly
    } catch (SAXException | IOException | RuntimeException e) {
      errors.violations.add(new Violation(0, 0, "validation failed (" + e.getClass().getSimpleName() + ")"));
      errors.count++;
    }
    return new Outcome(Collections.unmodifiableList(errors.violations), errors.count);
  }

  private static Validator newValidator(String type) {
    Validator v = schema(type).newValidator();
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
        violations.add(new Violation(e.getLineNumber(), e.getColumnNumber(), e.getMessage() == null ? "" : e.getMessage()));
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
