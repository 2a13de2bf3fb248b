package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --boundaries: the packaged conf/herindelingen.csv on the gemeente boundaries of 1 January of a year. */
class GemeenteBoundariesTest {
  static final GemeenteCodes PACKAGED = GemeenteCodes.packaged();

  @Test
  void theNumberOfGemeentenPerYearIsCbss() {
    // CBS: 355 gemeenten on 1 January 2019 and 2020 (no merger in 2020), 352 in 2021 (345 in 2022 is "seven fewer"),
    // 345 in 2022 (Weesp joined Amsterdam only on 24 March), 342 from 2023 (Voorne aan Zee)
    assertEquals(355, PACKAGED.forBoundaries(2019).gemeentenOnBoundaries().size());
    assertEquals(355, PACKAGED.forBoundaries(2020).gemeentenOnBoundaries().size());
    assertEquals(352, PACKAGED.forBoundaries(2021).gemeentenOnBoundaries().size());
    assertEquals(345, PACKAGED.forBoundaries(2022).gemeentenOnBoundaries().size());
    assertEquals(342, PACKAGED.forBoundaries(2023).gemeentenOnBoundaries().size());
    assertEquals(342, PACKAGED.forBoundaries(2026).gemeentenOnBoundaries().size());
    assertEquals(342, PACKAGED.forBoundaries((Integer) null).gemeentenOnBoundaries().size());
  }

  @Test
  void codesAreMappedAlongTheMergersUpToTheBoundaryDayOnly() {
    GemeenteCodes b2021 = PACKAGED.forBoundaries(2021);
    assertEquals("GM1963", b2021.mapToBoundaries("GM0585")); // Binnenmaas 2019 -> Hoeksche Waard
    assertEquals("GM1979", b2021.mapToBoundaries("GM0003")); // Appingedam on 1 January 2021 itself -> Eemsdelta
    assertEquals("GM0398", b2021.mapToBoundaries("GM0398")); // Heerhugowaard: its merger (2022) is after the boundary
    assertEquals("GM0439", b2021.mapToBoundaries("GM0439")); // Purmerend existed in 2021 (Beemster added 2022)
    assertNull(b2021.mapToBoundaries("GM1980")); // Dijk en Waard was created on 1 January 2022
    assertNull(b2021.mapToBoundaries("GM9999")); // unknown
    assertEquals("GM0457", PACKAGED.forBoundaries(2022).mapToBoundaries("GM0457")); // Weesp still a gemeente on 1 January 2022
    assertEquals("GM0363", PACKAGED.forBoundaries(2023).mapToBoundaries("GM0457"));
    assertEquals("GM1982", PACKAGED.forBoundaries(2024).mapToBoundaries("GM0786")); // Grave -> Land van Cuijk
    assertEquals("GM1982", PACKAGED.forBoundaries(null).mapToBoundaries("GM0786"));
  }

  @Test
  void checkMapsNotesAndRejectsWhatCannotBeSplit() {
    GemeenteCodes b2021 = PACKAGED.forBoundaries(2021);
    Issues mapped = new Issues();
    assertEquals("GM1963", b2021.check("gemeentecode", "GM0585", mapped));
    assertTrue(mapped.isEmpty());
    assertEquals(List.of(GemeenteCodes.MAPPED_NOTE), mapped.notes());

    Issues kept = new Issues();
    assertEquals("GM0398", b2021.check("gemeentecode", "GM0398", kept));
    assertTrue(kept.isEmpty() && kept.notes().isEmpty());

    Issues split = new Issues();
    b2021.check("gemeentecode", "GM1980", split);
    assertEquals(Reasons.NOT_ON_BOUNDARIES, split.reason());
    assertEquals("gemeentecode GM1980 was created by a samenvoeging after 2021-01-01 and cannot be split onto the boundaries"
        + " of --boundaries=2021", split.detail());

    Issues newest = new Issues(); // without the option Heerhugowaard is mapped to Dijk en Waard
    assertEquals("GM1980", PACKAGED.check("gemeentecode", "GM0398", newest));
    assertEquals(List.of(GemeenteCodes.MAPPED_NOTE), newest.notes());
  }

  @Test
  void yearsOutsideTheTableAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PACKAGED.forBoundaries(2018));
    assertThrows(IllegalArgumentException.class, () -> PACKAGED.forBoundaries(2027));
  }
}
