package dev.frontier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.invoke.CloudException;
import dev.frontier.invoke.SetupException;
import dev.frontier.run.Runner;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The one map from failures to exit codes, wherever a failure surfaces. */
class FailuresTest {

    private static Exit exitOf(Throwable e) {
        CliFailure f = Failures.known(e);
        return f == null ? Exit.INTERNAL : f.exit();
    }

    @Test
    void awsAndTheSandboxAreProviderFailuresEvenFromAWorkerThread() {
        // e.g. S3 refusing a batch upload during 'rescore --mode batch', surfacing through an executor
        assertThat(exitOf(new ExecutionException(new CloudException("s3://b/k: AccessDenied")))).isEqualTo(Exit.PROVIDER);
        assertThat(exitOf(new SetupException("no credentials"))).isEqualTo(Exit.PROVIDER);
        assertThat(exitOf(new Runner.Aborted("AccessDeniedException"))).isEqualTo(Exit.PROVIDER);
        assertThat(Failures.known(new Runner.Aborted("AccessDeniedException")).getMessage())
                .isEqualTo("run stopped: AccessDeniedException");
    }

    @Test
    void aFileThatIsNotAStoreIsBadInputOtherStoreFailuresAreNot() {
        assertThat(exitOf(new RunStore.NotAStore("x.db is not a frontier run store"))).isEqualTo(Exit.INVALID_INPUT);
        assertThat(exitOf(new RunStore.StoreException("disk full"))).isEqualTo(Exit.PROVIDER);
    }

    @Test
    void filesThatCannotBeReadAreProviderFailuresNamingTheFile() {
        CliFailure f = Failures.known(new UncheckedIOException(new NoSuchFileException("/tmp/gone.jsonl")));
        assertThat(f.exit()).isEqualTo(Exit.PROVIDER);
        assertThat(f.getMessage()).contains("/tmp/gone.jsonl").doesNotContain("Exception");
        assertThat(exitOf(new IOException("broken pipe"))).isEqualTo(Exit.PROVIDER);
    }

    @Test
    void theCommandsOwnVerdictWinsAndAnythingElseIsADefect() {
        assertThat(exitOf(new RuntimeException(new CliFailure(Exit.GATE_FAILED, "gate")))).isEqualTo(Exit.GATE_FAILED);
        assertThat(exitOf(new IllegalArgumentException("a bug"))).isEqualTo(Exit.INTERNAL);
        assertThat(exitOf(new IllegalStateException("a bug"))).isEqualTo(Exit.INTERNAL);
    }
}
