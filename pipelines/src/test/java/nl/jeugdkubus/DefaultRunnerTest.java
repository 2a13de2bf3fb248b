package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DefaultRunnerTest {
  @Test
  void withoutRunnerTheJobRunsOnEmbeddedFlink() {
    assertArrayEquals(new String[] {"--input=x", "--runner=FlinkRunner", "--flinkMaster=[local]"},
        JeugdkubusPipeline.withDefaultRunner(new String[] {"--input=x"}));
  }

  @Test
  void aGivenMasterIsKeptAndAnExplicitRunnerWins() {
    assertArrayEquals(new String[] {"--flinkMaster=h:8081", "--runner=FlinkRunner"},
        JeugdkubusPipeline.withDefaultRunner(new String[] {"--flinkMaster=h:8081"}));
    String[] direct = {"--runner=DirectRunner", "--input=x"};
    assertArrayEquals(direct, JeugdkubusPipeline.withDefaultRunner(direct));
    String[] help = {"--help"};
    assertArrayEquals(help, JeugdkubusPipeline.withDefaultRunner(help));
  }
}
