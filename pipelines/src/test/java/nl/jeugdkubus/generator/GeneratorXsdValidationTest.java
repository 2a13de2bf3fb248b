package nl.jeugdkubus.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/** Every generated iJw message (no defects) is valid against the iJw 3.2 XSDs. */
class GeneratorXsdValidationTest {

  static Path xsdDir() {
    // tests run with the module (pipelines/) as working directory; the XSDs live in ../schemas
    Path p = Path.of("..", "schemas", "ijw-3.2", "xsd");
    if (!Files.isDirectory(p)) p = Path.of("schemas", "ijw-3.2", "xsd");
    return p.toAbsolutePath().normalize();
  }

  @Test
  void everyXmlFileValidates() throws Exception {
    Fixtures.Run run = Fixtures.get(Fixtures.SMALL);
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Map<String, Validator> validators = new HashMap<>();
    for (String m : List.of("JW301", "JW305", "JW307", "JW323")) {
      // loaded from the file so the relative import of basisschema.xsd resolves
      Schema s = sf.newSchema(xsdDir().resolve(m + ".xsd").toFile());
      validators.put(m, s.newValidator());
    }
    Map<String, Integer> counts = new HashMap<>();
    List<String> failures = new ArrayList<>();
    for (Path f : Fixtures.files(run.dir().resolve("ijw"), "*.xml")) {
      String kind = f.getFileName().toString().substring(0, 5);
      Validator v = validators.get(kind);
      if (v == null) fail("unexpected message file " + f.getFileName());
      try {
        v.validate(new StreamSource(f.toFile()));
      } catch (Exception e) {
        failures.add(f.getFileName() + ": " + e.getMessage());
      }
      counts.merge(kind, 1, Integer::sum);
    }
    assertTrue(failures.isEmpty(), failures.size() + " invalid files, first: " + (failures.isEmpty() ? "" : failures.get(0)));
    for (String m : List.of("JW301", "JW305", "JW307", "JW323")) {
      assertTrue(counts.getOrDefault(m, 0) > 20, "too few " + m + " files: " + counts);
      assertEquals(run.summary().files(m), (long) counts.get(m), m);
    }
  }

  @Test
  void theExampleMessagesValidateTooSoTheSetupIsSound() throws Exception {
    // guards the test itself: the shipped example messages must pass the same validators
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    for (String m : List.of("JW301", "JW305", "JW307", "JW323")) {
      Validator v = sf.newSchema(xsdDir().resolve(m + ".xsd").toFile()).newValidator();
      Path ex = Path.of("src", "test", "resources", "ijw-voorbeeldberichten", m + ".xml");
      if (!Files.exists(ex)) ex = Path.of("pipelines").resolve(ex);
      v.validate(new StreamSource(ex.toFile()));
    }
  }
}
