package nl.jeugdkubus.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.jeugdkubus.common.Period;
import org.junit.jupiter.api.Test;

/** What a run computes and replaces, worked out by hand for the cases of docs/runbook.md "Reruns". */
class RerunPlanTest {
  static final Period BASE_2021H1 = Period.parse("2021H1");

  static List<Period> ps(String... s) {
    return java.util.Arrays.stream(s).map(Period::parse).toList();
  }

  static Set<String> names(java.util.Collection<Period> ps) {
    Set<String> out = new TreeSet<>();
    for (Period p : ps) out.add(p.toString());
    return out;
  }

  @Test
  void theFirstRunOnAnEmptyFolderIsAFullPublish() {
    RerunPlan p = RerunPlan.of(ps("2023H1", "2023H2"), null, BASE_2021H1, false);
    assertFalse(p.periodExact());
    assertEquals(Set.of("2023H1", "2023H2", "2023"), names(p.computed()));
    assertEquals(Set.of("2023H1", "2023H2", "2023"), names(p.replaced()));
    assertTrue(p.companions().isEmpty());
  }

  @Test
  void replaceAllIsAFullPublishEvenOverAPublishedOutput() {
    RerunPlan p = RerunPlan.of(ps("2023H2"), ps("2023H1", "2023H2", "2023"), BASE_2021H1, true);
    assertFalse(p.periodExact());
    assertEquals(Set.of("2023H2"), names(p.computed()));
  }

  @Test
  void aHalfYearOfAPublishedYearBringsItsSiblingAlongAsACompanion() {
    // published 2022H1-2023H2 with both years; the index base 2021H1 is not published, so not computed
    RerunPlan p = RerunPlan.of(ps("2023H2"), ps("2022H1", "2022H2", "2022", "2023H1", "2023H2", "2023"), BASE_2021H1, false);
    assertTrue(p.periodExact());
    assertEquals(Set.of("2023H1", "2023H2", "2023"), names(p.computed()));
    assertEquals(Set.of("2023H2", "2023"), names(p.replaced()));
    assertEquals(Set.of("2023H1"), names(p.companions()));
  }

  @Test
  void aPublishedIndexBaseAndItsYearAreComputedForTheIndexRows() {
    List<Period> published = ps("2021H1", "2021H2", "2021", "2022H1", "2022H2", "2022", "2023H1", "2023H2", "2023");
    RerunPlan p = RerunPlan.of(ps("2023H2"), published, BASE_2021H1, false);
    // 2023H2's index is against 2021H1, the year 2023's against 2021 (= 2021H1 + 2021H2); 2022 is not needed
    assertEquals(Set.of("2021H1", "2021H2", "2021", "2023H1", "2023H2", "2023"), names(p.computed()));
    assertEquals(Set.of("2023H2", "2023"), names(p.replaced()));
    assertEquals(Set.of("2021H1", "2021H2", "2021", "2023H1"), names(p.companions()));
  }

  @Test
  void withoutAPublishedYearOnlyTheHalfYearIsComputed() {
    RerunPlan p = RerunPlan.of(ps("2023H2"), ps("2023H2", "2024H1"), BASE_2021H1, false);
    assertEquals(Set.of("2023H2"), names(p.computed()));
    assertEquals(Set.of("2023H2"), names(p.replaced()));
    assertTrue(p.companions().isEmpty());
  }

  @Test
  void aNewHalfYearIsAddedToThePublishedOutput() {
    RerunPlan p = RerunPlan.of(ps("2024H1"), ps("2023H1", "2023H2", "2023"), BASE_2021H1, false);
    assertTrue(p.periodExact());
    assertEquals(Set.of("2024H1"), names(p.computed()));
    assertEquals(Set.of("2024H1"), names(p.replaced()));
  }

  @Test
  void rerunningTheIndexBaseItselfReplacesItAndItsYear() {
    RerunPlan p = RerunPlan.of(ps("2021H1"), ps("2021H1", "2021H2", "2021", "2022H1"), BASE_2021H1, false);
    assertEquals(Set.of("2021H1", "2021H2", "2021"), names(p.computed()));
    assertEquals(Set.of("2021H1", "2021"), names(p.replaced()));
    assertEquals(Set.of("2021H2"), names(p.companions()));
  }
}
