package nl.jeugdkubus.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A synthetic young person and, after simulation, their care. Everything here is made up. */
final class Person {
  final int localIndex;
  final String bsn;
  final LocalDate birth;
  /** 'M' or 'V'. */
  final char sex;
  final String postcode;
  final String wijk;
  final int surname;
  final int firstName;
  final List<LocalTeamCase> localTeam = new ArrayList<>(1);
  final List<Toewijzing> toewijzingen = new ArrayList<>(1);

  Person(int localIndex, String bsn, LocalDate birth, char sex, String postcode, String wijk, int surname, int firstName) {
    this.localIndex = localIndex;
    this.bsn = bsn;
    this.birth = birth;
    this.sex = sex;
    this.postcode = postcode;
    this.wijk = wijk;
    this.surname = surname;
    this.firstName = firstName;
  }

  boolean hasCare() {
    return !localTeam.isEmpty() || !toewijzingen.isEmpty();
  }

  int ageOn(LocalDate d) {
    int a = d.getYear() - birth.getYear();
    if (d.getMonthValue() < birth.getMonthValue()
        || (d.getMonthValue() == birth.getMonthValue() && d.getDayOfMonth() < birth.getDayOfMonth())) {
      a--;
    }
    return a;
  }

  /** COD046: 1 man, 2 vrouw. */
  String cod046() {
    return sex == 'M' ? "1" : "2";
  }
}
