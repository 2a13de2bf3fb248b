package nl.jeugdkubus.generator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Writes iJw 3.2 messages in the shape of the example messages (root {@code <jwNNN:Bericht>} with the
 * {@code ijw} basisschema prefix declared first, tab indentation). Optional elements the XSD allows
 * to omit (Communicatie, Relaties, Commentaar, ReferentieAanbieder, Budget) are left out; the
 * mandatory Naam is made of a fixed list of made-up name parts.
 */
final class IjwXml {
  static final String BASIS_NS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
  static final String XSD_VERSIE = "1.0.0";

  static final String[] SURNAME_A = {"Ter", "Olde", "Ket", "Brom", "Hul", "Zwe", "Wol", "Gro", "Var", "Lin"};
  static final String[] SURNAME_B = {"hoeve", "velink", "kamp", "horst", "brink", "mate", "ink", "beek"};
  static final String[] FIRST_M = {"Bram", "Daan", "Gijs", "Jens", "Mees", "Sem", "Thijs", "Luuk"};
  static final String[] FIRST_V = {"Eva", "Fenna", "Isa", "Lotte", "Noor", "Tess", "Sanne", "Mila"};
  static final int SURNAMES = SURNAME_A.length * SURNAME_B.length;

  private IjwXml() {}

  static String ns(String msg) {
    return "http://www.istandaarden.nl/ijw/3_2/" + msg + "/schema";
  }

  static String surname(int i) {
    return SURNAME_A[(i / SURNAME_B.length) % SURNAME_A.length] + SURNAME_B[i % SURNAME_B.length];
  }

  static String voorvoegsel(int i) {
    return i % 10 == 3 ? "van" : i % 10 == 7 ? "ter" : null;
  }

  static String firstName(Person p) {
    return (p.sex == 'M' ? FIRST_M : FIRST_V)[p.firstName % FIRST_M.length];
  }

  private static final class W {
    final StringBuilder sb = new StringBuilder(2048);
    final String p;

    W(String p) {
      this.p = p;
    }

    W open(int depth, String el) {
      tabs(depth).append('<').append(el).append(">\n");
      return this;
    }

    W close(int depth, String el) {
      tabs(depth).append("</").append(el).append(">\n");
      return this;
    }

    W leaf(int depth, String el, String value) {
      tabs(depth).append('<').append(el).append('>').append(esc(value)).append("</").append(el).append(">\n");
      return this;
    }

    StringBuilder tabs(int depth) {
      for (int i = 0; i < depth; i++) sb.append('\t');
      return sb;
    }

    String m(String local) {
      return p + ":" + local;
    }
  }

  static String esc(String s) {
    if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0) return s;
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static W begin(String msg, String berichtCode, String afzender, String ontvanger, String id, LocalDate dagtekening) {
    W w = new W(msg);
    w.sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.sb.append('<').append(w.m("Bericht")).append(" xmlns:ijw=\"").append(BASIS_NS).append("\" xmlns:").append(msg)
        .append("=\"").append(ns(msg)).append("\">\n");
    w.open(1, w.m("Header"));
    w.leaf(2, w.m("BerichtCode"), berichtCode);
    w.leaf(2, w.m("BerichtVersie"), "3");
    w.leaf(2, w.m("BerichtSubversie"), "2");
    w.leaf(2, w.m("Afzender"), afzender);
    w.leaf(2, w.m("Ontvanger"), ontvanger);
    w.open(2, w.m("BerichtIdentificatie"));
    w.leaf(3, "ijw:Identificatie", id);
    w.leaf(3, "ijw:Dagtekening", dagtekening.toString());
    w.close(2, w.m("BerichtIdentificatie"));
    w.open(2, w.m("XsdVersie"));
    w.leaf(3, "ijw:BasisschemaXsdVersie", XSD_VERSIE);
    w.leaf(3, "ijw:BerichtXsdVersie", XSD_VERSIE);
    w.close(2, w.m("XsdVersie"));
    w.close(1, w.m("Header"));
    return w;
  }

  private static String end(W w) {
    w.sb.append("</").append(w.m("Bericht")).append(">\n");
    return w.sb.toString();
  }

  private static void clientHead(W w, Person p, String bsn, boolean fullName) {
    w.leaf(2, w.m("Bsn"), bsn);
    w.open(2, w.m("Geboortedatum"));
    w.leaf(3, "ijw:Datum", p.birth.toString());
    w.close(2, w.m("Geboortedatum"));
    w.leaf(2, w.m("Geslacht"), p.cod046());
    w.open(2, w.m("Naam"));
    w.open(3, "ijw:Geslachtsnaam");
    w.leaf(4, "ijw:Achternaam", surname(p.surname));
    String vv = voorvoegsel(p.surname);
    if (vv != null) w.leaf(4, "ijw:Voorvoegsel", vv);
    w.close(3, "ijw:Geslachtsnaam");
    String first = firstName(p);
    w.leaf(3, "ijw:Voornamen", first);
    w.leaf(3, "ijw:Voorletters", first.substring(0, 1));
    if (fullName) w.leaf(3, "ijw:NaamGebruik", "1");
    w.close(2, w.m("Naam"));
  }

  private static void product(W w, int depth, Toewijzing t) {
    w.open(depth, w.m("Product"));
    w.leaf(depth + 1, "ijw:Categorie", t.category());
    w.leaf(depth + 1, "ijw:Code", t.product.code());
    w.close(depth, w.m("Product"));
  }

  /**
   * JW301 toewijzing: gemeente -> aanbieder, one client with the products of one message; idSuffix makes the
   * message id of a later message about the same toewijzing (a changed version) unique.
   */
  static String jw301(String gemeente4, Person p, String bsn, List<Toewijzing> products, String idSuffix) {
    Toewijzing first = products.get(0);
    W w = begin("jw301", "436", gemeente4, first.aanbieder.agb(), "T" + first.nummer + idSuffix, first.decision);
    w.open(1, w.m("Client"));
    clientHead(w, p, bsn, true);
    w.open(2, w.m("Contactgegevens"));
    w.open(3, w.m("Contact"));
    w.leaf(4, w.m("Soort"), "01");
    w.open(4, w.m("Adres"));
    w.leaf(5, "ijw:Postcode", p.postcode);
    w.leaf(5, "ijw:LandCode", "NL");
    w.close(4, w.m("Adres"));
    w.close(3, w.m("Contact"));
    w.close(2, w.m("Contactgegevens"));
    w.open(2, w.m("ToegewezenProducten"));
    for (Toewijzing t : products) {
      w.open(3, w.m("ToegewezenProduct"));
      w.leaf(4, w.m("ToewijzingNummer"), Long.toString(t.nummer));
      product(w, 4, t);
      w.leaf(4, w.m("Toewijzingsdatum"), t.decision.toString());
      w.leaf(4, w.m("Toewijzingstijd"), time(t.decisionTime));
      w.leaf(4, w.m("Ingangsdatum"), t.ingang.toString());
      w.leaf(4, w.m("Einddatum"), t.toewijzingEind.toString());
      if (t.redenWijziging != null) w.leaf(4, w.m("RedenWijziging"), t.redenWijziging);
      w.open(4, w.m("Omvang"));
      String[] omvang = omvang(t);
      w.leaf(5, "ijw:Volume", omvang[0]);
      w.leaf(5, "ijw:Eenheid", t.product.eenheid());
      w.leaf(5, "ijw:Frequentie", omvang[1]);
      w.close(4, w.m("Omvang"));
      w.close(3, w.m("ToegewezenProduct"));
    }
    w.close(2, w.m("ToegewezenProducten"));
    w.close(1, w.m("Client"));
    return end(w);
  }

  /** Volume and WMO757 frequentie of the toegewezen omvang. */
  static String[] omvang(Toewijzing t) {
    String e = t.product.eenheid();
    switch (e) {
      case "14":
        return new String[] {"7", "2"}; // 7 etmalen per week
      case "16":
      case "84":
        return new String[] {Long.toString(Math.max(1, Math.round(t.volumePerMonth / 4.33))), "2"}; // per week
      case "04":
        return new String[] {Integer.toString(t.volumePerMonth), "4"}; // uren per maand
      default: {
        // minuten, euro's: total within the toewijzing
        long months = Math.max(1, Math.round((t.toewijzingEind.toEpochDay() - t.ingang.toEpochDay() + 1) / 30.44));
        return new String[] {Long.toString(t.volumePerMonth * months), "6"};
      }
    }
  }

  static String time(LocalTime t) {
    return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
  }

  /** JW305 start: aanbieder -> gemeente; status = COD467 StatusAanlevering (1 first, 3 withdrawal). */
  static String jw305(String gemeente4, Person p, String bsn, List<Toewijzing> products, LocalDate dagtekening,
      String status, String idSuffix) {
    Toewijzing first = products.get(0);
    W w = begin("jw305", "438", first.aanbieder.agb(), gemeente4, "S" + first.nummer + idSuffix, dagtekening);
    w.open(1, w.m("Client"));
    clientHead(w, p, bsn, false);
    w.open(2, w.m("StartProducten"));
    for (Toewijzing t : products) {
      w.open(3, w.m("StartProduct"));
      w.leaf(4, w.m("ToewijzingNummer"), Long.toString(t.nummer));
      product(w, 4, t);
      w.leaf(4, w.m("ToewijzingIngangsdatum"), t.ingang.toString());
      w.leaf(4, w.m("Begindatum"), t.begin.toString());
      w.leaf(4, w.m("StatusAanlevering"), status);
      w.close(3, w.m("StartProduct"));
    }
    w.close(2, w.m("StartProducten"));
    w.close(1, w.m("Client"));
    return end(w);
  }

  /** JW307 stop: aanbieder -> gemeente; status = COD467 StatusAanlevering (1 first, 3 withdrawal). */
  static String jw307(String gemeente4, Person p, String bsn, List<Toewijzing> products, LocalDate dagtekening,
      String status, String idSuffix) {
    Toewijzing first = products.get(0);
    W w = begin("jw307", "440", first.aanbieder.agb(), gemeente4, "E" + first.nummer + idSuffix, dagtekening);
    w.open(1, w.m("Client"));
    clientHead(w, p, bsn, false);
    w.open(2, w.m("StopProducten"));
    for (Toewijzing t : products) {
      w.open(3, w.m("StopProduct"));
      w.leaf(4, w.m("ToewijzingNummer"), Long.toString(t.nummer));
      product(w, 4, t);
      w.leaf(4, w.m("ToewijzingIngangsdatum"), t.ingang.toString());
      w.leaf(4, w.m("Begindatum"), t.begin.toString());
      w.leaf(4, w.m("RedenBeeindiging"), t.reden);
      w.leaf(4, w.m("Einddatum"), t.end.toString());
      w.leaf(4, w.m("StatusAanlevering"), status);
      w.close(3, w.m("StopProduct"));
    }
    w.close(2, w.m("StopProducten"));
    w.close(1, w.m("Client"));
    return end(w);
  }

  /** A JW323 prestatie as written (also the source of the declarations CSV row). */
  record Prestatie(
      Toewijzing toewijzing, String referentie, String vorigReferentie, LocalDate periodeBegin, LocalDate periodeEind,
      long volume, int tarief, long bedrag, String debetCredit) {}

  /** One client's block in a declaration, with the BSN as written (possibly damaged). */
  record ClientBlock(String bsn, List<Prestatie> prestaties) {}

  /** JW323 declaratie: aanbieder -> gemeente. */
  static String jw323(String gemeente4, String agb, String declaratieNummer, LocalDate periodeBegin, LocalDate periodeEind,
      LocalDate dagtekening, List<ClientBlock> clients) {
    W w = begin("jw323", "490", agb, gemeente4, declaratieNummer, dagtekening);
    long total = 0;
    for (ClientBlock c : clients) {
      for (Prestatie pr : c.prestaties()) total += pr.debetCredit().equals("D") ? pr.bedrag() : -pr.bedrag();
    }
    w.open(1, w.m("Declaratie"));
    w.leaf(2, w.m("DeclaratieNummer"), declaratieNummer);
    w.open(2, w.m("DeclaratiePeriode"));
    w.leaf(3, "ijw:Begindatum", periodeBegin.toString());
    w.leaf(3, "ijw:Einddatum", periodeEind.toString());
    w.close(2, w.m("DeclaratiePeriode"));
    w.leaf(2, w.m("DeclaratieDagtekening"), dagtekening.toString());
    w.open(2, w.m("TotaalIngediendBedrag"));
    w.leaf(3, "ijw:TotaalBedrag", Long.toString(Math.abs(total)));
    w.leaf(3, "ijw:DebetCredit", total >= 0 ? "D" : "C");
    w.close(2, w.m("TotaalIngediendBedrag"));
    w.open(2, w.m("Clienten"));
    for (ClientBlock c : clients) {
      w.open(3, w.m("Client"));
      w.leaf(4, w.m("Bsn"), c.bsn());
      w.open(4, w.m("Prestaties"));
      for (Prestatie pr : c.prestaties()) {
        Toewijzing t = pr.toewijzing();
        w.open(5, w.m("Prestatie"));
        w.open(6, w.m("ProductReferentie"));
        w.leaf(7, "ijw:ReferentieNummer", pr.referentie());
        if (pr.vorigReferentie() != null) w.leaf(7, "ijw:VorigReferentieNummer", pr.vorigReferentie());
        w.close(6, w.m("ProductReferentie"));
        w.leaf(6, w.m("ToewijzingNummer"), Long.toString(t.nummer));
        w.leaf(6, w.m("ProductCategorie"), t.declaredProduct().category());
        w.leaf(6, w.m("ProductCode"), t.declaredProduct().code());
        w.open(6, w.m("ProductPeriode"));
        w.leaf(7, "ijw:Begindatum", pr.periodeBegin().toString());
        w.leaf(7, "ijw:Einddatum", pr.periodeEind().toString());
        w.close(6, w.m("ProductPeriode"));
        w.leaf(6, w.m("GeleverdVolume"), Long.toString(pr.volume()));
        w.leaf(6, w.m("Eenheid"), t.product.eenheid());
        w.leaf(6, w.m("ProductTarief"), Integer.toString(pr.tarief()));
        w.open(6, w.m("IngediendBedrag"));
        w.leaf(7, "ijw:Bedrag", Long.toString(pr.bedrag()));
        w.leaf(7, "ijw:DebetCredit", pr.debetCredit());
        w.close(6, w.m("IngediendBedrag"));
        w.close(5, w.m("Prestatie"));
      }
      w.close(4, w.m("Prestaties"));
      w.close(3, w.m("Client"));
    }
    w.close(2, w.m("Clienten"));
    w.close(1, w.m("Declaratie"));
    return end(w);
  }
}
