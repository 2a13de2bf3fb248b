package nl.jeugdkubus.intermediate;

import java.time.LocalDate;
import nl.jeugdkubus.common.Dates;
import nl.jeugdkubus.common.DeadLetters;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.Declaratie;
import nl.jeugdkubus.model.DeclaratieRegel;
import nl.jeugdkubus.model.IjwStartStop;
import nl.jeugdkubus.model.IjwToewijzing;
import nl.jeugdkubus.model.LocalRegistration;
import nl.jeugdkubus.model.RegistrationRow;
import nl.jeugdkubus.model.Toewijzing;
import nl.jeugdkubus.model.ZorgMutatie;

/**
 * The first step after parsing: validate the BSN, replace it by a pseudonym and drop or coarsen every
 * other identifying field (data minimisation). Pure logic, no Beam. What comes out has no field that
 * could hold a BSN, name, address or full birth date: birth date becomes birth year and age, postcode
 * is dropped (the gemeente and wijk stay).
 */
public final class Minimisation {
  public static final String STAGE = "pseudonymisation";

  /** Receives the outcome for one record. */
  public interface Out<T> {
    void ok(T record);

    void dead(DeadLetter deadLetter);
  }

  private final Pseudonymiser pseudonymiser;

  public Minimisation(Pseudonymiser pseudonymiser) {
    this.pseudonymiser = pseudonymiser;
  }

  /** The pseudonym, or null after reporting a dead letter. */
  private String pseudonym(String bsn, String geslacht, String geboortedatum, String postcode,
      String source, String file, String position, String recordType, Out<?> out) {
    Bsn.Kind kind = Bsn.classify(bsn);
    switch (kind) {
      case VALID:
        return pseudonymiser.ofBsn(Bsn.normalise(bsn));
      case UNKNOWN:
      case UNBORN: {
        String p = pseudonymiser.ofFallback(geslacht, geboortedatum, postcode);
        if (p != null) return p;
        out.dead(DeadLetters.of(source, file, position, STAGE,
            kind == Bsn.Kind.UNKNOWN ? "PLACEHOLDER_BSN_UNKNOWN" : "PLACEHOLDER_BSN_UNBORN",
            "BSN is the CBS placeholder for " + (kind == Bsn.Kind.UNKNOWN ? "'unknown'" : "'unborn child'")
                + " and the record lacks birth date and postcode to form the CBS fallback key: it cannot be linked",
            DeadLetters.mask(bsn), recordType));
        return null;
      }
      default:
        out.dead(DeadLetters.of(source, file, position, STAGE, "INVALID_BSN",
            "BSN fails the eleven-test or is not 9 digits", DeadLetters.mask(bsn), recordType));
        return null;
    }
  }

  private static Integer birthYear(String geboortedatum) {
    LocalDate d = Dates.parseOptional(geboortedatum);
    return d == null ? null : d.getYear();
  }

  private static Integer ageOn(String geboortedatum, String on) {
    LocalDate b = Dates.parseOptional(geboortedatum);
    LocalDate d = Dates.parseOptional(on);
    return b == null || d == null ? null : Dates.age(b, d);
  }

  public void registration(RegistrationRow r, Out<LocalRegistration> out) {
    String p = pseudonym(r.getBsn(), r.getGeslacht(), r.getGeboortedatum(), r.getPostcode(),
        "registraties", r.getSourceFile(), r.getPosition(), "REGISTRATIE", out);
    if (p == null) return;
    String ageDate = r.getStartdatum() != null ? r.getStartdatum() : r.getAanmelddatum();
    out.ok(LocalRegistration.newBuilder()
        .setPseudonym(p)
        .setSourceFile(r.getSourceFile())
        .setPosition(r.getPosition())
        .setRegistratieId(r.getRegistratieId())
        .setGeboortejaar(birthYear(r.getGeboortedatum()))
        .setLeeftijdBijStart(ageOn(r.getGeboortedatum(), ageDate))
        .setGeslacht(r.getGeslacht() == null ? "O" : r.getGeslacht())
        .setGemeenteCode(r.getGemeenteCode())
        .setWijk(r.getWijk())
        .setSoort(r.getSoort())
        .setTypeOndersteuning(r.getTypeOndersteuning())
        .setSignaleerder(r.getSignaleerder())
        .setVerwijzerCode(r.getVerwijzerCode())
        .setAanmelddatum(r.getAanmelddatum())
        .setStartdatum(r.getStartdatum())
        .setEinddatum(r.getEinddatum())
        .setToewijzingNummer(r.getToewijzingNummer())
        .build());
  }

  public void toewijzing(IjwToewijzing t, Out<Toewijzing> out) {
    String p = pseudonym(t.getBsn(), t.getGeslacht(), t.getGeboortedatum(), null,
        "ijw", t.getSourceFile(), t.getPosition(), "JW301", out);
    if (p == null) return;
    out.ok(Toewijzing.newBuilder()
        .setPseudonym(p)
        .setSourceFile(t.getSourceFile())
        .setPosition(t.getPosition())
        .setGeboortejaar(birthYear(t.getGeboortedatum()))
        .setLeeftijdBijIngang(ageOn(t.getGeboortedatum(), t.getIngangsdatum()))
        .setGeslacht(t.getGeslacht())
        .setGemeenteCode(t.getGemeenteCode())
        .setAanbiederCode(t.getAanbiederCode())
        .setToewijzingNummer(t.getToewijzingNummer())
        .setProductCategorie(t.getProductCategorie())
        .setProductCode(t.getProductCode())
        .setToewijzingsdatum(t.getToewijzingsdatum())
        .setIngangsdatum(t.getIngangsdatum())
        .setEinddatum(t.getEinddatum())
        .setRedenWijziging(t.getRedenWijziging())
        .build());
  }

  public void startStop(IjwStartStop s, Out<ZorgMutatie> out) {
    String p = pseudonym(s.getBsn(), s.getGeslacht(), s.getGeboortedatum(), null,
        "ijw", s.getSourceFile(), s.getPosition(), s.getBerichtType(), out);
    if (p == null) return;
    out.ok(ZorgMutatie.newBuilder()
        .setPseudonym(p)
        .setSourceFile(s.getSourceFile())
        .setPosition(s.getPosition())
        .setBerichtType(s.getBerichtType())
        .setGeboortejaar(birthYear(s.getGeboortedatum()))
        .setGeslacht(s.getGeslacht())
        .setGemeenteCode(s.getGemeenteCode())
        .setAanbiederCode(s.getAanbiederCode())
        .setToewijzingNummer(s.getToewijzingNummer())
        .setProductCategorie(s.getProductCategorie())
        .setProductCode(s.getProductCode())
        .setBegindatum(s.getBegindatum())
        .setEinddatum(s.getEinddatum())
        .setRedenBeeindiging(s.getRedenBeeindiging())
        .setStatusAanlevering(s.getStatusAanlevering())
        .build());
  }

  public void declaratie(DeclaratieRegel d, Out<Declaratie> out) {
    String source = "CSV".equals(d.getSourceFormat()) ? "declaraties_csv" : "ijw";
    String p = pseudonym(d.getBsn(), null, null, null, source, d.getSourceFile(), d.getPosition(),
        "CSV".equals(d.getSourceFormat()) ? "DECLARATIE_CSV" : "JW323", out);
    if (p == null) return;
    out.ok(Declaratie.newBuilder()
        .setPseudonym(p)
        .setSourceFile(d.getSourceFile())
        .setPosition(d.getPosition())
        .setSourceFormat(d.getSourceFormat())
        .setGemeenteCode(d.getGemeenteCode())
        .setAanbiederCode(d.getAanbiederCode())
        .setDeclaratieNummer(d.getDeclaratieNummer())
        .setReferentieNummer(d.getReferentieNummer())
        .setToewijzingNummer(d.getToewijzingNummer())
        .setProductCategorie(d.getProductCategorie())
        .setProductCode(d.getProductCode())
        .setPeriodeBegin(d.getPeriodeBegin())
        .setPeriodeEind(d.getPeriodeEind())
        .setBedragCenten(d.getBedragCenten())
        .setDebetCredit(d.getDebetCredit())
        .build());
  }
}
