package nl.jeugdkubus.rerun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.jeugdkubus.common.ConfTables;
import nl.jeugdkubus.common.ConfigurationException;
import nl.jeugdkubus.common.Period;
import nl.jeugdkubus.publish.OutputEntry;

/**
 * A period-exact rerun keeps the other periods of the published output, so it must compute its periods the way
 * those were computed: the same key, purpose, disclosure settings, index base, reference group and
 * configuration tables and gemeente boundaries as the current version's manifest records. Anything else would publish a mix of two
 * methods; the check ends the run before anything is touched (exit code 2) and points to {@code --replace=all}.
 * Fields an older manifest lacks are not checked.
 */
public final class RerunCompatibility {
  private RerunCompatibility() {}

  public static void check(Path current, String keyId, String purpose, int roundTo, int suppressUpTo, boolean protectTopLevel,
      Period indexBase,
      List<String> referenceGroup, Integer boundaries, ConfTables conf) {
    Path file = current.resolve(OutputEntry.MANIFEST.fileName());
    if (!Files.isRegularFile(file)) return;
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the published manifest " + file + ": " + e.getMessage());
    }
    List<String> differ = new ArrayList<>();
    compare(differ, "key_id (--keyFile/--keyEnv)", m.path("key_id"), keyId);
    compare(differ, "purpose (--purpose)", m.path("purpose"), purpose);
    compare(differ, "round_to (--roundTo)", m.path("disclosure").path("round_to"), Integer.toString(roundTo));
    compare(differ, "suppress_up_to (--suppressUpTo)", m.path("disclosure").path("suppress_up_to"), Integer.toString(suppressUpTo));
    compare(differ, "protect_top_level (--protectTopLevel)", m.path("disclosure").path("protect_top_level"), Boolean.toString(protectTopLevel));
    compare(differ, "index_base (--indexBase)", m.path("index_base"), indexBase.toString());
    if (m.has("boundaries")) {
      compare(differ, "boundaries (--boundaries)", m.path("boundaries"), nl.jeugdkubus.Manifest.boundaries(boundaries));
    }
    if (m.has("reference_group")) {
      List<String> was = new ArrayList<>();
      m.get("reference_group").forEach(n -> was.add(n.asText()));
      if (!was.equals(referenceGroup)) differ.add("reference_group (--referenceGroup): " + was + " -> " + referenceGroup);
    }
    if (m.has("configuration")) {
      Map<String, String> was = new TreeMap<>();
      m.get("configuration").forEach(t -> was.put(t.path("table").asText(), t.path("sha256").asText()));
      Map<String, String> now = new TreeMap<>();
      for (ConfTables.Source s : conf.sources()) now.put(s.name(), s.sha256());
      for (Map.Entry<String, String> e : now.entrySet()) {
        if (!e.getValue().equals(was.get(e.getKey()))) differ.add("configuration table " + e.getKey());
      }
    }
    if (!differ.isEmpty()) {
      throw new ConfigurationException("a period-exact rerun must compute the way the published output was computed, but "
          + String.join(", ", differ) + " differ from " + file + "; rerun every period with --replace=all");
    }
  }

  private static void compare(List<String> differ, String what, JsonNode was, String now) {
    if (was.isMissingNode() || was.isNull()) return;
    if (!was.asText().equals(now)) differ.add(what);
  }
}
