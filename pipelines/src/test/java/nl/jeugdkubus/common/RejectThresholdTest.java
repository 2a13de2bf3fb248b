package nl.jeugdkubus.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RejectThresholdTest {
  static Map<String, Long> counters() {
    Map<String, Long> c = new TreeMap<>();
    // registraties: 970 staged + 30 rejected in staging = 1000 delivered;
    // dead letters 12 + 8 + 6 + 1 = 27 (the 30 staging rejects include file-level ones counted once) -> 2.7 %
    c.put("staging.registraties.records", 970L);
    c.put("staging.registraties.dead", 30L);
    c.put("rejects.registraties.staging.INVALID_DATE", 12L);
    c.put("rejects.registraties.staging.UNKNOWN_CODE", 8L);
    c.put("rejects.registraties.pseudonymisation.INVALID_BSN", 6L);
    c.put("rejects.registraties.linkage.NO_TRAJECTORY", 1L);
    // ijw: 495 + 5 = 500 delivered, 10 dead letters = exactly 2.0 %: not more than the threshold
    c.put("staging.ijw.records", 495L);
    c.put("staging.ijw.dead", 5L);
    c.put("rejects.ijw.staging.NOT_WELL_FORMED", 5L);
    c.put("rejects.ijw.pseudonymisation.INVALID_BSN", 5L);
    // cbs: nothing read, nothing to judge
    c.put("rejects.cbs.staging.BAD_PERIOD", 3L);
    // other counters with similar names must not count
    c.put("deadletters.staging.INVALID_DATE", 12L);
    return c;
  }

  @Test
  void aSourceOverTheThresholdIsNamedWithItsTopReasons() {
    List<RejectThreshold.Violation> v = RejectThreshold.check(counters(), 2.0);
    assertEquals(1, v.size());
    RejectThreshold.Violation r = v.get(0);
    assertEquals("registraties", r.source());
    assertEquals(27, r.rejected());
    assertEquals(1000, r.read());
    Map<String, Long> top = new LinkedHashMap<>();
    top.put("staging.INVALID_DATE", 12L);
    top.put("staging.UNKNOWN_CODE", 8L);
    top.put("pseudonymisation.INVALID_BSN", 6L);
    assertEquals(top, r.topReasons());
    assertEquals(List.copyOf(top.keySet()), List.copyOf(r.topReasons().keySet()), "most frequent first");
    assertEquals("source registraties: 27 of 1000 records rejected (2.70 %, more than --maxRejectPercent=2); "
        + "top reasons: staging.INVALID_DATE 12, staging.UNKNOWN_CODE 8, pseudonymisation.INVALID_BSN 6", r.message(2.0));
  }

  @Test
  void theBoundaryIsAllowedAndOneMoreIsNot() {
    Map<String, Long> c = counters();
    assertEquals(List.of("registraties"), RejectThreshold.check(c, 2.0).stream().map(RejectThreshold.Violation::source).toList());
    c.put("rejects.ijw.linkage.ORPHAN", 1L); // 11 of 500 = 2.2 %
    assertEquals(List.of("registraties", "ijw"), RejectThreshold.check(c, 2.0).stream().map(RejectThreshold.Violation::source).toList());
    // a share equal to the threshold passes: 2.2 % at 2.2, 2.7 % at 2.7; nothing fails at 100 %
    assertEquals(List.of("registraties"), RejectThreshold.check(c, 2.2).stream().map(RejectThreshold.Violation::source).toList());
    assertEquals(List.of(), RejectThreshold.check(c, 2.7));
    assertEquals(List.of(), RejectThreshold.check(c, 100));
  }
}
