package nl.jeugdkubus.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CbsPeriodKeyTest {

  @ParameterizedTest(name = "{0} -> {1} {2} {3}")
  @CsvSource({
      "2022JJ00, 2022, JJ, 0",
      "2021HJ01, 2021, HJ, 1",
      "2021HJ02, 2021, HJ, 2",
      "2023KW01, 2023, KW, 1",
      "2023KW04, 2023, KW, 4",
      "2023MM01, 2023, MM, 1",
      "2023MM12, 2023, MM, 12",
      "'  2024MM06  ', 2024, MM, 6", // CBS pads keys with spaces
  })
  void validKeys(String key, int year, String kind, int number) {
    CbsPeriodKey k = CbsPeriodKey.parse(key);
    assertEquals(new CbsPeriodKey(year, kind, number), k);
    assertEquals(key.strip(), k.toString());
  }

  @ParameterizedTest(name = "[{0}] is not a CBS period key")
  @CsvSource(value = {
      "2024MM13", "2024MM00", "2024KW05", "2024KW00", "2024HJ03", "2024HJ00", "2024JJ01",
      "ABCDJJ00", "2024XX01", "2024jj00", "24JJ00", "20241JJ00", "2024JJ0", "0999JJ00", "2024 JJ00",
      "''", "2024-01", "2024H1",
  }, emptyValue = "")
  void invalidKeys(String key) {
    assertNull(CbsPeriodKey.parse(key));
  }

  @ParameterizedTest
  @CsvSource(value = {"null"}, nullValues = "null")
  void nullIsNoKey(String key) {
    assertNull(CbsPeriodKey.parse(key));
  }
}
