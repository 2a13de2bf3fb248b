package nl.jeugdkubus.marts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate measures the indicator logic produces, named {@code family:kenmerk}. A family is a
 * table of counts of one kind of unit (young people, or trajectories) in which disclosure control
 * works: the kenmerk is an extra, internal dimension whose values are related by the hierarchies
 * declared here (e.g. trajecten_gestart:totaal = :nieuw + :herhaald).
 */
public final class Measures {
  private Measures() {}

  // family jongeren (young people, counted once per cell)
  public static final String JONGEREN = "jongeren";
  public static final String JEUGDZORG = "jongeren:jeugdzorg";
  public static final String JEUGDHULP = "jongeren:jeugdhulp";
  public static final String ZONDER_VERBLIJF = "jongeren:zonder_verblijf";
  public static final String MET_VERBLIJF = "jongeren:met_verblijf";
  public static final String JEUGDBESCHERMING = "jongeren:jeugdbescherming";
  public static final String JB_MET_VERBLIJF = "jongeren:jb_met_verblijf";
  public static final String JEUGDRECLASSERING = "jongeren:jeugdreclassering";
  public static final String SPECIALISTISCH = "jongeren:specialistisch";
  public static final String STAPELING_2PLUS = "jongeren:stapeling_2plus";

  // trajectories
  public static final String LOPEND = "trajecten_lopend:totaal";
  public static final String GESTART = "trajecten_gestart:totaal";
  public static final String GESTART_NIEUW = "trajecten_gestart:nieuw";
  public static final String GESTART_HERHAALD = "trajecten_gestart:herhaald";
  public static final String GESTART_CRISIS = "trajecten_gestart:crisis";
  public static final String GESTART_ZONDER_CRISIS = "trajecten_gestart:zonder_crisis";
  public static final String BEEINDIGD = "trajecten_beeindigd:totaal";
  public static final String BEEINDIGD_VOLGENS_PLAN = "trajecten_beeindigd:volgens_plan";
  public static final String BEEINDIGD_VOORTIJDIG = "trajecten_beeindigd:voortijdig";
  public static final String BEEINDIGD_REDEN_ONBEKEND = "trajecten_beeindigd:reden_onbekend";
  public static final String BEEINDIGD_TERUGKEER = "trajecten_beeindigd:terugkeer_12m";

  // specialist (iJw jeugdhulp) trajectories started, by verwijzer
  public static final String SPEC_GESTART = "specialist_gestart:totaal";
  public static final String SPEC_GESTART_NA_LOKAAL = "specialist_gestart:na_lokaal";

  // costs: count = clients with cost lines, sum = net cents
  public static final String KOSTEN = "kosten:totaal";

  // prevention flow: young people whose local-team support started
  public static final String LOKAAL_GESTART = "lokaal_gestart:totaal";
  public static final String LOKAAL_SPEC_6M = "lokaal_gestart:specialist_6m";
  public static final String LOKAAL_SPEC_12M = "lokaal_gestart:specialist_12m";

  // peildatum snapshots of open local-team cases (one family per peildatum, e.g. peil_0430)
  public static final String[] PEILDATA = {"0430", "0831", "1231"};

  public static String peilOpen(String mmdd) {
    return "peil_" + mmdd + ":open";
  }

  public static String peilMetSpecialist(String mmdd) {
    return "peil_" + mmdd + ":met_specialist";
  }

  // data quality: open local-team cases at period end
  public static final String DQ_OPEN = "dq_lokaal_open:open";
  public static final String DQ_OPEN_1JAAR = "dq_lokaal_open:zonder_einddatum_1jaar";

  // waiting times (count = units, sum = days, histogram of days)
  public static final String WACHT_AANMELDING = "wachttijd_aanmelding:totaal";
  public static final String WACHT_TOEWIJZING = "wachttijd_toewijzing:totaal";

  public static String family(String measure) {
    int i = measure.indexOf(':');
    return i < 0 ? measure : measure.substring(0, i);
  }

  public static String kenmerk(String measure) {
    int i = measure.indexOf(':');
    return i < 0 ? "" : measure.substring(i + 1);
  }

  /**
   * One relation between kenmerk values of a family. EXACT: the children are disjoint parts of the
   * parent (what they do not cover is an unpublished remainder); OVERLAP: a unit can be in several
   * children (the attack "total minus the others" does not give a child exactly, but disclosure control
   * still treats the relation as additive, which is conservative).
   */
  public record Relation(String parent, List<String> children, boolean exact) {}

  /**
   * A family: persons (people counted once per cell: overlapping along hulpvorm, productcategorie,
   * gemeente within a region and half-years within a year) or units (trajectories: every unit in
   * exactly one cell along each dimension); flow families count events in a period (a year is the sum
   * of its halves), stock families count what runs in a period.
   */
  public record Family(String name, boolean persons, boolean flow, List<Relation> relations) {}

  private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

  private static void fam(String name, boolean persons, boolean flow, Relation... rel) {
    FAMILIES.put(name, new Family(name, persons, flow, List.of(rel)));
  }

  private static Relation exact(String parent, String... children) {
    return new Relation(parent, List.of(children), true);
  }

  static {
    // (jeugdzorg is not the sum of jeugdhulp, jeugdbescherming and jeugdreclassering: most young people
    // under protection also have jeugdhulp; no relation is declared between them)
    fam(JONGEREN, true, false,
        exact("jeugdhulp", "zonder_verblijf"),
        exact("jeugdhulp", "met_verblijf"),
        exact("jeugdbescherming", "jb_met_verblijf"),
        exact("jeugdzorg", "stapeling_2plus"),
        exact("jeugdzorg", "specialistisch"));
    fam("trajecten_lopend", false, false);
    fam("trajecten_gestart", false, true,
        exact("totaal", "nieuw", "herhaald"),
        exact("totaal", "crisis", "zonder_crisis"));
    fam("trajecten_beeindigd", false, true,
        exact("totaal", "volgens_plan", "voortijdig", "reden_onbekend"),
        exact("totaal", "terugkeer_12m"));
    fam("specialist_gestart", false, true, exact("totaal", "na_lokaal"));
    // costs: the cell counts clients, but the amounts always add up (every cost line is in one
    // productcategorie, hulpvorm, gemeente and half-year), so disclosure control treats it as additive
    fam("kosten", false, true);
    fam("lokaal_gestart", true, false,
        exact("totaal", "specialist_12m"),
        exact("specialist_12m", "specialist_6m"));
    for (String d : PEILDATA) fam("peil_" + d, false, false, exact("open", "met_specialist"));
    fam("dq_lokaal_open", false, false, exact("open", "zonder_einddatum_1jaar"));
    fam("wachttijd_aanmelding", false, true);
    fam("wachttijd_toewijzing", false, true);
  }

  public static Family familyDef(String family) {
    Family f = FAMILIES.get(family);
    if (f == null) throw new IllegalArgumentException("unknown measure family: " + family);
    return f;
  }

  public static Map<String, Family> families() {
    return FAMILIES;
  }
}
