package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import nl.jeugdkubus.model.DeadLetter;
import nl.jeugdkubus.model.DeclaratieRegel;

/**
 * Property tests of {@link DeclarationCsvParser}: damaged copies of the example declarations file
 * (lines deleted, duplicated, swapped, truncated, blank lines, fields replaced, garbage inserted,
 * bytes flipped) and random bytes never make it throw, and every physical line is accounted for:
 * read = header + record lines + blank + rejected, with read counted here independently.
 */
class DeclarationCsvParserProperties {
  private static final DeclarationCsvParser PARSER = new DeclarationCsvParser();
  private static final Set<String> FILE_LEVEL = Set.of(Reasons.EMPTY_FILE, Reasons.MISSING_COLUMN, Reasons.READ_ERROR);

  private static String example() throws IOException {
    return Files.readString(StagingFixtures.input().resolve("declaraties/declaraties-2026-04.csv"), StandardCharsets.UTF_8);
  }

  @Property(tries = 300)
  void damagedFilesAreAccountedFor(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int operations) throws IOException {
    check(Mutations.csv(example(), new Random(seed), operations));
  }

  @Property(tries = 200)
  void randomBytesAreAccountedFor(@ForAll byte[] bytes) {
    check(bytes);
  }

  private static void check(byte[] bytes) {
    ParseResult<DeclaratieRegel> r = new ParseResult<>();
    CsvLineCount c = PARSER.parse("d.csv", new ByteArrayInputStream(bytes), r); // must not throw
    assertEquals(physicalLines(bytes), c.read(), c::toString);
    assertTrue(c.reconciles(), c::toString);
    // a record is at least one line; a rejected line is covered by a dead letter
    assertTrue(r.records().size() <= c.records(), c::toString);
    // rejected lines have dead letters; each row dead letter covers at least one rejected line (the file-level
    // ones, an empty file or a header without the required columns, may cover none)
    if (c.rejected() > 0) assertTrue(!r.deadLetters().isEmpty(), c::toString);
    long rowDead = r.deadLetters().stream().filter(d -> !FILE_LEVEL.contains(d.getReason())).count();
    assertTrue(rowDead <= c.rejected(), () -> c + " " + r.deadLetters());
    if (c.header() == 1 && c.rejected() == 0) assertEquals(c.records(), (long) r.records().size(), c::toString);
    // every record and every dead letter has its own position
    Set<String> positions = new HashSet<>();
    r.records().forEach(d -> positions.add(d.getPosition()));
    List<String> dead = r.deadLetters().stream().map(DeadLetter::getPosition).toList();
    positions.addAll(dead);
    assertEquals(r.records().size() + dead.size(), positions.size(), positions::toString);
    Statistics.collect(r.records().isEmpty() ? "no records" : r.deadLetters().isEmpty() ? "all records" : "records and dead letters");
  }

  /** Lines as a text editor counts them: each \n ends one, a last line without \n counts too. */
  static long physicalLines(byte[] b) {
    long n = 0;
    for (byte x : b) if (x == '\n') n++;
    if (b.length > 0 && b[b.length - 1] != '\n') n++;
    return n;
  }
}
