package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code frontier logs profile --cloudwatch}: registered under {@code logs}, bad arguments are exit 2. */
class LogsProfileCommandTest {

    @Test
    void aWindowThatEndsBeforeItStartsIsBadInput() {
        MainTest.Outcome r = MainTest.frontier("logs", "profile", "--cloudwatch", "--model", "amazon.nova-lite-v1:0",
                "--since", "2026-11-27", "--until", "2026-11-20", "--out", "traffic.json", "--region", "us-east-1");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--until must be after --since");
    }

    @Test
    void aTimeThatIsNeitherAnInstantNorADateIsBadInput() {
        MainTest.Outcome r = MainTest.frontier("logs", "profile", "--cloudwatch", "--model", "m", "--since",
                "last week", "--until", "2026-11-20", "--out", "traffic.json", "--region", "us-east-1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--since takes an ISO-8601 instant");
    }

    @Test
    void theUsageOfLogsListsProfile() {
        MainTest.Outcome r = MainTest.frontier("logs", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("import", "profile");
    }
}
