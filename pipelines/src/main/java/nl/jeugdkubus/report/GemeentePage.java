package nl.jeugdkubus.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The page of one gemeente: its key indicators over all periods against the region and, where published, CBS/NL. */
final class GemeentePage {
  private GemeentePage() {}

  static String render(ReportData d, String gm, Map<String, String> verwijzerLabels) {
    String naam = d.name(gm);
    String reg = d.regionOf(gm);
    String regNaam = reg == null ? "regio" : d.name(reg);
    StringBuilder b = new StringBuilder();
    b.append("<p><a href=\"index.html\">← Overzicht van de regio</a></p>\n");
    b.append("<h1>Jeugdzorg in ").append(Html.esc(naam)).append(" (").append(Html.esc(gm)).append(")</h1>\n");
    b.append("<p>Alle cijfers komen uit de gepubliceerde tabellen van deze run (").append(Html.esc(d.runId()))
        .append("). Kleine aantallen zijn afgerond of onderdrukt; een onderdrukte waarde staat als × in de grafiek en is geen nul.</p>\n");

    b.append("<h2>Jongeren met jeugdzorg</h2>\n");
    b.append(versus(d, gm, reg, regNaam, "jeugdhulp-per1000", "Jongeren met jeugdhulp per 1.000 jongeren (0-17 jaar)",
        "jongeren_jeugdzorg", "jongeren_jeugdhulp_per1000", Sources.OWN,
        "Hoeveel van elke 1.000 jongeren van 0 tot 18 jaar in een halfjaar jeugdhulp kregen, naast het cijfer van de regio."));
    b.append(versus(d, gm, reg, regNaam, "jeugdbescherming-per1000", "Jongeren met jeugdbescherming per 1.000 jongeren (0-17 jaar)",
        "jongeren_jeugdzorg", "jongeren_jeugdbescherming_per1000", Sources.IJW,
        "Hoeveel van elke 1.000 jongeren een maatregel van jeugdbescherming hadden (ondertoezichtstelling of voogdij)."));
    b.append(versus(d, gm, reg, regNaam, "jeugdreclassering-per1000", "Jongeren met jeugdreclassering per 1.000 jongeren (12-22 jaar)",
        "jongeren_jeugdzorg", "jongeren_jeugdreclassering_per1000", Sources.IJW,
        "Hoeveel van elke 1.000 jongeren van 12 tot 23 jaar jeugdreclassering hadden."));
    {
      List<String> per = d.periods("jongeren_hulpvorm", "jongeren_zonder_verblijf_per1000", "jongeren_met_verblijf_per1000");
      List<Series> s = new ArrayList<>();
      s.add(new Series(naam + ": zonder verblijf", d.totals("jongeren_hulpvorm", "jongeren_zonder_verblijf_per1000", gm, per)));
      s.add(new Series(naam + ": met verblijf", d.totals("jongeren_hulpvorm", "jongeren_met_verblijf_per1000", gm, per)));
      if (reg != null) {
        s.add(new Series(regNaam + ": zonder verblijf", d.totals("jongeren_hulpvorm", "jongeren_zonder_verblijf_per1000", reg, per)));
        s.add(new Series(regNaam + ": met verblijf", d.totals("jongeren_hulpvorm", "jongeren_met_verblijf_per1000", reg, per)));
      }
      b.append(line(d, "verblijf-per1000", "Jeugdhulp met en zonder verblijf per 1.000 jongeren", "per_1000", Sources.OWN,
          "Jeugdhulp zonder verblijf (ambulant, daghulp) en met verblijf (pleegzorg, gezinshuis, instelling), per 1.000 jongeren.",
          per, s));
    }

    b.append("<h2>Vergelijking met Nederland (CBS)</h2>\n");
    {
      List<String> per = d.periods("benchmark", "jongeren_jeugdhulp_pct_cbs", "jongeren_jeugdhulp_pct_nl", "jongeren_jeugdhulp_pct_refgroep");
      List<Series> s = new ArrayList<>();
      s.add(new Series(naam + " (eigen registratie)", d.totals("jongeren_jeugdzorg", "jongeren_jeugdhulp_pct", gm, per)));
      s.add(new Series(naam + " volgens CBS", d.totals("benchmark", "jongeren_jeugdhulp_pct_cbs", gm, per)));
      s.add(new Series("Nederland (CBS)", d.totals("benchmark", "jongeren_jeugdhulp_pct_nl", gm, per)));
      s.add(new Series("Referentiegroep", d.totals("benchmark", "jongeren_jeugdhulp_pct_refgroep", gm, per)));
      b.append(line(d, "benchmark-jeugdhulp", "Jongeren met jeugdhulp (% van 0-17 jaar) tegen CBS en Nederland", "procent",
          Sources.cbs(d, "benchmark", "jongeren_jeugdhulp_pct_cbs", Sources.OWN),
          "Ons eigen cijfer naast het cijfer dat het CBS voor deze gemeente en voor heel Nederland publiceert. Verschillen kunnen komen door een andere afbakening of nog voorlopige CBS-cijfers.",
          per, s));
    }
    {
      List<String> per = d.periods("benchmark", "jongeren_jeugdhulp_pct_index");
      List<Series> s = new ArrayList<>();
      s.add(new Series(naam, d.totals("benchmark", "jongeren_jeugdhulp_pct_index", gm, per)));
      if (reg != null) s.add(new Series(regNaam, d.totals("benchmark", "jongeren_jeugdhulp_pct_index", reg, per)));
      b.append(line(d, "index-jeugdhulp", "Index jongeren met jeugdhulp (basisperiode = 100)", "index", Sources.OWN,
          "Boven de 100: meer jongeren met jeugdhulp (als aandeel van alle jongeren) dan in de basisperiode; onder de 100: minder.",
          per, s));
    }

    b.append("<h2>Wie verwijst?</h2>\n");
    {
      List<String> per = d.periods("verwijzers", "specialist_gestart_verwijzer_aandeel");
      List<Series> cats = new ArrayList<>();
      for (Map.Entry<String, String> v : verwijzerLabels.entrySet()) {
        List<Point> pts = d.breakdown("verwijzers", "specialist_gestart_verwijzer_aandeel", gm, "verwijzer", v.getKey(), per);
        if (pts.stream().anyMatch(p -> p.hasValue() || p.suppressed())) cats.add(new Series(v.getValue(), pts));
      }
      b.append(stacked(d, "verwijzers", "Gestarte specialistische trajecten naar verwijzer (%)", "procent", Sources.IJW,
          "Elke staaf is één halfjaar: welk deel van de gestarte specialistische trajecten door wie is verwezen (COD327).",
          per, cats));
    }

    b.append("<h2>Preventie: van lokaal team naar specialistische zorg</h2>\n");
    {
      List<String> per = d.periods("preventie", "lokaal_gestart");
      b.append(line(d, "preventie-gestart", "Jongeren die starten met ondersteuning van het lokale team", "aantal", Sources.LOCAL,
          "Het aantal jongeren dat in het halfjaar begon met ondersteuning door het lokale team of wijkteam.",
          per, List.of(new Series(naam, d.totals("preventie", "lokaal_gestart", gm, per)))));
      List<String> per2 = d.periods("preventie", "lokaal_gestart_specialist_6m_pct", "lokaal_gestart_specialist_12m_pct");
      b.append(line(d, "preventie-doorstroom", "Aandeel dat binnen 6 en 12 maanden specialistische zorg krijgt (%)", "procent", Sources.LOCAL,
          "Van de jongeren die bij het lokale team begonnen: welk deel binnen een half jaar of een jaar toch specialistische jeugdhulp kreeg. Lager is niet vanzelf beter: soms is doorverwijzen juist nodig.",
          per2, List.of(new Series("binnen 6 maanden", d.totals("preventie", "lokaal_gestart_specialist_6m_pct", gm, per2)),
              new Series("binnen 12 maanden", d.totals("preventie", "lokaal_gestart_specialist_12m_pct", gm, per2)))));
    }

    b.append("<h2>Trajecten</h2>\n");
    {
      List<String> per = d.periods("trajecten_hulpvorm", "trajecten_gestart");
      b.append(line(d, "trajecten", "Gestarte en beëindigde trajecten", "aantal", Sources.OWN,
          "Hoeveel trajecten jeugdhulp in het halfjaar begonnen en hoeveel er eindigden.",
          per, List.of(new Series("gestart", d.totals("trajecten_hulpvorm", "trajecten_gestart", gm, per)),
              new Series("beëindigd", d.totals("trajecten_beeindigd", "trajecten_beeindigd", gm, per)))));
      List<String> per2 = d.periods("trajecten_beeindigd", "trajecten_beeindigd_volgens_plan");
      List<Series> cats = List.of(
          new Series("volgens plan", d.totals("trajecten_beeindigd", "trajecten_beeindigd_volgens_plan", gm, per2)),
          new Series("voortijdig", d.totals("trajecten_beeindigd", "trajecten_beeindigd_voortijdig", gm, per2)),
          new Series("reden onbekend", d.totals("trajecten_beeindigd", "trajecten_beeindigd_reden_onbekend", gm, per2)));
      b.append(stacked(d, "beeindigd-reden", "Beëindigde trajecten naar reden van beëindiging", "aantal", Sources.IJW,
          "Elke staaf is één halfjaar: hoeveel trajecten volgens plan, voortijdig of om een onbekende reden eindigden.",
          per2, cats));
    }

    b.append("<h2>Kosten</h2>\n");
    b.append(versus(d, gm, reg, regNaam, "kosten-per-client", "Gedeclareerde kosten per cliënt (euro)", "kosten_hulpvorm",
        "kosten_per_client", Sources.COSTS, "De gedeclareerde kosten gedeeld door het aantal cliënten met een declaratie in het halfjaar."));
    b.append(versus(d, gm, reg, regNaam, "kosten-per-jeugdige", "Gedeclareerde kosten per jeugdige inwoner (euro)", "kosten_hulpvorm",
        "kosten_per_jeugdige", Sources.COSTS, "De gedeclareerde kosten gedeeld door het aantal jongeren dat in de gemeente woont."));

    b.append("<h2>Wachttijden</h2>\n");
    b.append(versus(d, gm, reg, regNaam, "wachttijd-aanmelding", "Gemiddelde wachttijd van aanmelding tot start (dagen)", "wachttijden",
        "wachttijd_aanmelding_gemiddeld", Sources.OWN, "Hoeveel dagen jongeren gemiddeld wachtten tussen aanmelding en de start van de hulp."));
    b.append(versus(d, gm, reg, regNaam, "wachttijd-toewijzing", "Gemiddelde wachttijd van toewijzing tot start (dagen)", "wachttijden",
        "wachttijd_toewijzing_gemiddeld", Sources.IJW, "Hoeveel dagen er gemiddeld zaten tussen de toewijzing door de gemeente en de start bij de aanbieder."));
    return Page.html("Jeugdzorg in " + naam, b.toString());
  }

  /** A gemeente against its region for one indicator of a table's total rows. */
  static String versus(ReportData d, String gm, String reg, String regNaam, String id, String title, String tabel, String indicator,
      String source, String aid) {
    List<String> per = d.periods(tabel, indicator);
    List<Series> s = new ArrayList<>();
    s.add(new Series(d.name(gm), d.totals(tabel, indicator, gm, per)));
    if (reg != null) s.add(new Series(regNaam, d.totals(tabel, indicator, reg, per)));
    String unit = unitOf(d, tabel, indicator, gm, per);
    return line(d, id, title, unit, source, aid, per, s);
  }

  static String unitOf(ReportData d, String tabel, String indicator, String area, List<String> per) {
    for (String p : per) {
      Cell c = d.total(tabel, indicator, area, p);
      if (c != null && c.eenheid() != null) return c.eenheid();
    }
    return "aantal";
  }

  static String line(ReportData d, String id, String title, String unit, String source, String aid, List<String> per, List<Series> s) {
    ChartSpec spec = new ChartSpec(id, title, unit, Sources.run(d, source), aid);
    if (per.isEmpty()) return empty(spec);
    return LineChart.render(spec, per, s);
  }

  static String stacked(ReportData d, String id, String title, String unit, String source, String aid, List<String> per, List<Series> cats) {
    ChartSpec spec = new ChartSpec(id, title, unit, Sources.run(d, source), aid);
    if (per.isEmpty() || cats.isEmpty()) return empty(spec);
    return StackedBarChart.render(spec, per, cats);
  }

  static String empty(ChartSpec spec) {
    return Figure.wrap(spec, "<p class=\"leeg\">Geen gepubliceerde gegevens in deze run.</p>", "", List.of(), "leeg");
  }
}
