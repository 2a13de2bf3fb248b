package nl.jeugdkubus.marts.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.jeugdkubus.model.CubeRow;
import org.junit.jupiter.api.Test;

/**
 * The protection is a function of the block's rows, not of the order in which they arrive (Beam hands a
 * block's rows over in no fixed order, and runners differ): the same block protected with its rows in
 * shuffled orders gives the same suppressions and the same published values. The block is large enough
 * (a few thousand cells) that a hash map of its cell keys has buckets with several keys, whose iteration
 * order is their insertion order; with many ties between equally priced complements (counts drawn from a
 * small range) an order-dependent choice shows up as a different output.
 */
class BlockProtectionDeterminismTest {
  static final String[] HULPVORMEN = {"01", "02", "03", "04", "11", "12", "13", "21", "22", "31", "32", "41", "42"};
  static final String[] GEMEENTEN = {"GM0197", "GM0222", "GM0294", "GM1859", "GM1876", "GM0589"};

  /** Started trajectories = nieuw + herhaald, by hulpvorm, gemeenten and region, half-years and the year. */
  static List<CubeRow> block(long seed) {
    Random rnd = new Random(seed);
    // [gemeente][half][hulpvorm][nieuw, herhaald]
    int[][][][] n = new int[GEMEENTEN.length][2][HULPVORMEN.length][2];
    for (int[][][] g : n) for (int[][] h : g) for (int[] v : h) {
      v[0] = new int[] {0, 2, 10, 10}[rnd.nextInt(4)];
      v[1] = new int[] {0, 1, 10}[rnd.nextInt(3)];
    }
    List<CubeRow> rows = new ArrayList<>();
    String[] measures = {"trajecten_gestart_nieuw", "trajecten_gestart_herhaald", "trajecten_gestart"};
    for (int gi = 0; gi <= GEMEENTEN.length; gi++) {
      String area = gi == GEMEENTEN.length ? "REG_Achterhoek" : GEMEENTEN[gi];
      for (int per = 0; per < 3; per++) {
        String periode = per == 2 ? "2024" : "2024H" + (per + 1);
        for (int m = 0; m < 3; m++) {
          long total = 0;
          for (int h = 0; h <= HULPVORMEN.length; h++) {
            long v = 0;
            if (h < HULPVORMEN.length) {
              for (int g = 0; g < GEMEENTEN.length; g++) {
                if (gi < GEMEENTEN.length && g != gi) continue;
                for (int half = 0; half < 2; half++) {
                  if (per < 2 && half != per) continue;
                  int[] c = n[g][half][h];
                  v += m == 0 ? c[0] : m == 1 ? c[1] : c[0] + c[1];
                }
              }
              total += v;
            } else {
              v = total;
            }
            if (v > 0) {
              rows.add(BlockProtectionTest.row(measures[m], periode, area,
                  h < HULPVORMEN.length ? HULPVORMEN[h] : "totaal", v, "aantal"));
            }
          }
        }
      }
    }
    return rows;
  }

  /** The protected block as sorted lines (one per row: its key, suppression and published figures). */
  static List<String> protect(List<CubeRow> rows) {
    List<String> out = new ArrayList<>();
    for (CubeRow r : new BlockProtection(BlockProtectionTest.CAT, 5, 7, true).protect(rows)) {
      out.add(String.join(" ", r.getIndicator(), r.getPeriode(), r.getGemeenteCode(), r.getHulpvorm(),
          String.valueOf(r.getOnderdrukt()), String.valueOf(r.getTeller()), String.valueOf(r.getWaarde())));
    }
    Collections.sort(out);
    return out;
  }

  @Test
  void theSameBlockInShuffledOrdersIsProtectedTheSame() {
    for (long seed = 1; seed <= 6; seed++) {
      List<CubeRow> rows = block(seed);
      List<String> first = protect(rows);
      assertTrue(first.stream().anyMatch(l -> l.contains(" true ")), "nothing suppressed: the test shows nothing");
      for (long shuffle = 1; shuffle <= 4; shuffle++) {
        List<CubeRow> other = new ArrayList<>(rows);
        Collections.shuffle(other, new Random(shuffle));
        assertEquals(first, protect(other), "block " + seed + ", shuffle " + shuffle);
      }
    }
  }
}
