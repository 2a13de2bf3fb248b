package nl.jeugdkubus.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pure rendering logic with hand-worked expectations (no Beam, no files). */
class ReportRenderingTest {

  @Test
  void dutchNumberNotation() {
    assertEquals("1.234,5", DutchFormat.number(1234.5, 1));
    assertEquals("1.234.567", DutchFormat.number(1234567.0, 0));
    assertEquals("0,1", DutchFormat.number(0.05, 1), "half-up");
    assertEquals("-1.234,3", DutchFormat.number(-1234.25, 1));
    assertEquals("1.000,0", DutchFormat.number(999.95, 1));
    assertEquals("123", DutchFormat.number(123.4, 0));
    assertEquals("12,3 %", DutchFormat.value(12.34, "procent"));
    assertEquals("€ 1.235", DutchFormat.value(1234.5, "euro"));
    assertEquals("45,0 per 1.000", DutchFormat.value(45, "per_1000"));
  }

  @Test
  void periodLabelsAsCbsWritesThem() {
    assertEquals("2024 1e halfjaar", DutchFormat.period("2024H1"));
    assertEquals("2023 2e halfjaar", DutchFormat.period("2023H2"));
    assertEquals("2023", DutchFormat.period("2023"));
    assertEquals("2024-1", DutchFormat.shortPeriod("2024H1"));
  }

  @Test
  void niceAxisMaximum() {
    assertEquals(100, Scale.niceCeil(87), 1e-9);
    assertEquals(25, Scale.niceCeil(23), 1e-9);
    assertEquals(0.5, Scale.niceCeil(0.3), 1e-9);
    assertEquals(200, Scale.niceCeil(150), 1e-9);
    assertEquals(50, Scale.niceCeil(50), 1e-9);
  }

  @Test
  void tickLabelsShowTheStepExactly() {
    assertEquals(2, Axes.tickDecimals(0.25), "axis 0..1: 0 / 0,25 / 0,5 / 0,75 / 1");
    assertEquals(1, Axes.tickDecimals(2.5));
    assertEquals(0, Axes.tickDecimals(25));
    // axis 0..1 (nothing published): ticks in Dutch notation with two decimals
    String html = LineChart.render(new ChartSpec("c0", "T", "aantal", "b", "u"), List.of("2024H1"), List.of(new Series("A", List.of(Point.SUPPRESSED))));
    assertEquals(List.of("0,00", "0,25", "0,50", "0,75", "1,00"), tickTexts(html));
  }

  static List<String> tickTexts(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("class=\"tik\"[^>]*>([^<]*)<").matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  static final List<String> FOUR = List.of("2023H1", "2023H2", "2024H1", "2024H2");

  @Test
  void aSuppressedPointIsAGapWithAMarkNeverZero() {
    // values 10, suppressed, 20, 30: axis 0..50 (nice ceiling of 30), plot y 12..204 (192 px), x = 64 + (i + 0,5) * 141
    Series s = new Series("Aalten", List.of(Point.of(10), Point.SUPPRESSED, Point.of(20), Point.of(30)));
    String html = LineChart.render(new ChartSpec("c1", "Titel", "per_1000", "bron", "uitleg"), FOUR, List.of(s));
    List<String> paths = attr(html, "path class=\"lijnstuk\" d");
    assertEquals(List.of("M134.5 165.6M416.5 127.2L557.5 88.8"), paths, "the line breaks at the suppressed half-year");
    assertEquals(List.of("2023H1", "2024H1", "2024H2"), attr(html, "class=\"punt\" data-periode"));
    assertEquals(List.of("2023H2"), attr(html, "class=\"onderdrukt\" data-periode"));
    assertFalse(html.contains("data-periode=\"2023H2\" data-waarde"), "no value drawn for the suppressed point");
    assertTrue(html.contains("Onderdrukt: Aalten in 2023 2e halfjaar."), html);
    assertTrue(html.contains("dit is geen nul"));
    assertTrue(html.contains("Bron: bron") && html.contains("uitleg") && html.contains("per 1.000 jongeren"));
  }

  @Test
  void anAbsentPointIsAGapWithoutMark() {
    Series s = new Series("Aalten", List.of(Point.of(10), Point.ABSENT, Point.of(20), Point.of(30)));
    String html = LineChart.render(new ChartSpec("c1", "Titel", "aantal", "bron", "uitleg"), FOUR, List.of(s));
    assertEquals(List.of("M134.5 165.6M416.5 127.2L557.5 88.8"), attr(html, "path class=\"lijnstuk\" d"));
    assertFalse(html.contains("class=\"onderdrukt\""));
    assertTrue(html.contains(Figure.ABSENT_NOTE));
  }

  @Test
  void stackedBarHeightsAreProportional() {
    // one period, A = 30 and B = 20: stack 50, axis 0..50, plot y 12..224 (212 px): A 127,2 px from y 96,8; B 84,8 px from y 12
    List<Series> cats = List.of(new Series("A", List.of(Point.of(30))), new Series("B", List.of(Point.of(20))));
    String html = StackedBarChart.render(new ChartSpec("s1", "Titel", "aantal", "bron", "uitleg"), List.of("2024H1"), cats);
    assertEquals(List.of("96.8", "12"), attr(html, "class=\"segment\"[^>]* y"));
    assertEquals(List.of("127.2", "84.8"), attr(html, "class=\"segment\"[^>]* height"));
    assertFalse(html.contains("class=\"onderdrukt\""));
  }

  @Test
  void aSuppressedSegmentIsNotFilledInFromTheOthers() {
    // A = 30, B suppressed, C = 20: the bar is A + C = 50 high; B is named in the note and marked above the bar
    List<Series> cats = List.of(new Series("A", List.of(Point.of(30))), new Series("B", List.of(Point.SUPPRESSED)),
        new Series("C", List.of(Point.of(20))));
    String html = StackedBarChart.render(new ChartSpec("s2", "Titel", "procent", "bron", "uitleg"), List.of("2024H1"), cats);
    assertEquals(List.of("A", "C"), attr(html, "class=\"segment\" data-categorie"));
    assertEquals(List.of("127.2", "84.8"), attr(html, "class=\"segment\"[^>]* height"));
    assertEquals(List.of("2024H1"), attr(html, "class=\"onderdrukt\" data-periode"));
    assertTrue(html.contains("Onderdrukt: 2024 1e halfjaar: B."), html);
  }

  static Cell cell(String tabel, String ind, String per, String gm, Map<String, String> dims, Double w, boolean supp) {
    Map<String, String> all = new LinkedHashMap<>();
    for (String d : List.of("leeftijdsklasse", "geslacht", "hulpvorm", "verwijzer", "productcategorie")) all.put(d, "totaal");
    all.putAll(dims);
    return new Cell(tabel, ind, per, gm, "Aalten", "Achterhoek", all, w, "per_1000", supp, "n.v.t.", "run-1");
  }

  @Test
  void dataLooksUpTotalsAndOneBreakdownOnly() {
    List<Cell> cells = new ArrayList<>();
    cells.add(cell("t", "i", "2024H1", "GM0197", Map.of(), 12.5, false));
    cells.add(cell("t", "i", "2024H2", "GM0197", Map.of(), null, true));
    cells.add(cell("t", "i", "2024H1", "GM0197", Map.of("geslacht", "M"), 7.0, false));
    cells.add(cell("t", "i", "2024H1", "GM0197", Map.of("geslacht", "M", "leeftijdsklasse", "0-3"), 3.0, false));
    cells.add(cell("t", "i", "2024", "GM0197", Map.of(), 20.0, false));
    ReportData d = new ReportData(cells, Map.of("GM0197", "Aalten"));
    assertEquals(List.of("2024H1", "2024H2"), d.periods("t", "i"), "half-years when there are any");
    assertEquals(List.of(Point.of(12.5), Point.SUPPRESSED, Point.ABSENT), d.totals("t", "i", "GM0197", List.of("2024H1", "2024H2", "2025H1")));
    assertEquals(7.0, d.byDim("t", "i", "GM0197", "2024H1", "geslacht", "M").waarde());
    assertNull(d.byDim("t", "i", "GM0197", "2024H1", "leeftijdsklasse", "0-3"), "a crossed row is not a one-dimension breakdown");
    assertEquals("REG_Achterhoek", d.regionOf("GM0197"));
    assertEquals(List.of("GM0197"), d.gemeenten());
  }

  @Test
  void pagesHaveAStrictPolicyAndNoUrl() {
    List<Cell> cells = List.of(cell("jongeren_jeugdzorg", "jongeren_jeugdhulp_per1000", "2024H1", "GM0197", Map.of(), 40.0, false),
        cell("jongeren_jeugdzorg", "jongeren_jeugdhulp_per1000", "2024H2", "GM0197", Map.of(), null, true));
    ReportData d = new ReportData(cells, Map.of("GM0197", "Aalten"));
    String index = RegionPage.render(d, null);
    String page = GemeentePage.render(d, "GM0197", Map.of("01", "Gemeente"));
    for (String html : List.of(index, page)) {
      assertTrue(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
      assertFalse(html.toLowerCase().contains("http:") || html.toLowerCase().contains("https:") || html.contains("<script"), html);
      assertFalse(html.contains("//"), "no protocol-relative URL");
    }
    assertTrue(index.contains("href=\"GM0197.html\""));
    assertTrue(page.contains("id=\"jeugdhulp-per1000\""));
    assertTrue(page.contains("class=\"onderdrukt\" data-periode=\"2024H2\""));
  }

  /** The values of an attribute after a prefix regex, e.g. attr(html, "class=\"punt\" data-periode"). */
  static List<String> attr(String html, String prefix) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(prefix + "=\"([^\"]*)\"").matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
