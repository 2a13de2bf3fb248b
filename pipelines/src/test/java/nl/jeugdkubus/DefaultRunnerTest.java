package nl.jeugdkubus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DefaultRunnerTest {
  @Test
  void withoutRunnerTheJobRunsOnEmbeddedFlinkOnEveryCore() {
    assertArrayEquals(new String[] {"--input=x", "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"},
        JeugdkubusPipeline.withDefaultRunner(new String[] {"--input=x"}, 2));
    // a parallelism that is given is kept
    assertArrayEquals(new String[] {"--parallelism=1", "--runner=FlinkRunner", "--flinkMaster=[local]"},
        JeugdkubusPipeline.withDefaultRunner(new String[] {"--parallelism=1"}, 2));
  }

  @Test
  void aGivenMasterIsKeptAndAnExplicitRunnerWins() {
    // a cluster decides its own parallelism (parallelism.default of its configuration)
    assertArrayEquals(new String[] {"--flinkMaster=h:8081", "--runner=FlinkRunner"},
        JeugdkubusPipeline.withDefaultRunner(new String[] {"--flinkMaster=h:8081"}, 2));
    String[] direct = {"--runner=DirectRunner", "--input=x"};
    assertArrayEquals(direct, JeugdkubusPipeline.withDefaultRunner(direct));
    String[] help = {"--help"};
    assertArrayEquals(help, JeugdkubusPipeline.withDefaultRunner(help));
  }
}
