package nl.jeugdkubus.intermediate;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import nl.jeugdkubus.common.ConfTables;

/** The code mappings linkage needs, loaded from conf/ (docs/mappings.md explains each choice). */
public final class LinkConfig implements Serializable {
  /** One row of conf/hulpvorm-mapping.csv. */
  public record CareForm(String hulpvorm, String zorgsoort, boolean crisis) implements Serializable {}

  public static final String NO_CARE_FORM = "GEEN";
  public static final String UNKNOWN = "onbekend";

  private final Map<String, CareForm> byJz020;
  private final Map<String, String> jz588ToCbs;
  private final Map<String, String> signaleerderToCod327;

  public LinkConfig(Map<String, CareForm> byJz020, Map<String, String> jz588ToCbs, Map<String, String> signaleerderToCod327) {
    this.byJz020 = new HashMap<>(byJz020);
    this.jz588ToCbs = new HashMap<>(jz588ToCbs);
    this.signaleerderToCod327 = new HashMap<>(signaleerderToCod327);
  }

  /** From the run's configuration tables (null: the packaged conf/). */
  public static LinkConfig load(ConfTables conf) {
    ConfTables c = conf == null ? ConfTables.packaged() : conf;
    Map<String, CareForm> forms = new HashMap<>();
    for (Map<String, String> r : c.table("hulpvorm-mapping.csv").rows()) {
      forms.put(r.get("jz020"), new CareForm(r.get("hulpvorm"), r.get("zorgsoort"), Boolean.parseBoolean(r.get("crisis"))));
    }
    return new LinkConfig(forms,
        c.table("reden-beeindiging-mapping.csv").map("jz588", "cbs"),
        c.table("signaleerder-cod327.csv").map("signaleerder", "cod327"));
  }

  /** Care form of a JZ020 category, or null when unknown. */
  public CareForm careForm(String jz020) {
    return jz020 == null ? null : byJz020.get(jz020.trim());
  }

  /** CBS end reason (01..05) of a JZ588 code, or null. */
  public String cbsEndReason(String jz588) {
    return jz588 == null ? null : jz588ToCbs.get(jz588.trim());
  }

  /** COD327 code for a local team's signaller category, or "onbekend" when there is no equivalent. */
  public String verwijzerOfSignaleerder(String signaleerder) {
    if (signaleerder == null) return UNKNOWN;
    String c = signaleerderToCod327.get(signaleerder.trim());
    return c == null || c.equals("geen") ? UNKNOWN : c;
  }
}
