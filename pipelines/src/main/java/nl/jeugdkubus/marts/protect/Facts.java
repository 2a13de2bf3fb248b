package nl.jeugdkubus.marts.protect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.jeugdkubus.marts.IndicatorCatalogue;

/**
 * What conf/indicators.csv says about the count cells (measures "family:kenmerk") that disclosure control
 * protects: whether a measure counts young people once per cell (then it adds up exactly only along
 * leeftijdsklasse and geslacht), how a year relates to its half-years (column jaar), and the relations
 * between measures at the same cell (column delen). Plus the documented relations that are not in delen
 * (docs/disclosure.md "Relations"): young people with care have a trajectory running in the cell, and
 * jeugdzorg is covered by jeugdhulp, jeugdbescherming and jeugdreclassering.
 */
public final class Facts implements Serializable {
  /** How a year's cell relates to its half-years. */
  public enum Year { SUM, COVER, NONE }

  /** A relation between measures at the same cell: exact = total is the sum of the parts; else each part <= total. */
  public record MeasureRelation(String total, List<String> parts, boolean exact, boolean cover) implements Serializable {}

  private final Map<String, Boolean> persons = new HashMap<>();
  private final Map<String, Year> year = new HashMap<>();
  private final List<MeasureRelation> relations = new ArrayList<>();

  public Facts(IndicatorCatalogue cat) {
    for (IndicatorCatalogue.Entry e : cat.entries()) {
      if (!e.isCount()) continue;
      persons.putIfAbsent(e.maat(), e.soort().equals("personen"));
      if (!e.jaar().isEmpty()) {
        year.put(e.maat(), switch (e.jaar()) {
          case "som" -> Year.SUM;
          case "dekking" -> Year.COVER;
          default -> Year.NONE;
        });
      }
      for (IndicatorCatalogue.Relation r : e.relations()) {
        if (r.exact()) {
          relations.add(new MeasureRelation(r.parent(), r.children(), true, false));
        } else {
          for (String c : r.children()) relations.add(new MeasureRelation(r.parent(), List.of(c), false, false));
        }
      }
    }
    // kosten:totaal counts clients (kosten_clienten, personen) even though kosten_netto (bedrag) names it too
    persons.put("kosten:totaal", true);
    for (String m : List.of("jongeren:jeugdzorg", "jongeren:zonder_verblijf", "jongeren:met_verblijf")) {
      relations.add(new MeasureRelation("trajecten_lopend:totaal", List.of(m), false, false));
    }
    relations.add(new MeasureRelation("jongeren:jeugdzorg",
        List.of("jongeren:jeugdhulp", "jongeren:jeugdbescherming", "jongeren:jeugdreclassering"), false, true));
  }

  /** True when the measure counts young people once per cell. */
  public boolean persons(String measure) {
    return persons.getOrDefault(measure, false);
  }

  /** Whether a region is the union (persons) or sum (units) of its gemeenten; not for jaar deel/geen. */
  public boolean union(String measure) {
    return year(measure) != Year.NONE;
  }

  public Year year(String measure) {
    return year.getOrDefault(measure, Year.NONE);
  }

  public List<MeasureRelation> relations() {
    return relations;
  }
}
