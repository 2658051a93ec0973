package dev.frontier.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.invoke.ModelClient;
import dev.frontier.invoke.ResponseCache;
import dev.frontier.model.CallResult;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.RunId;
import dev.frontier.run.flow.RunContext;
import dev.frontier.run.flow.RunProgress;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.store.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every evaluation call carries {@code requestMetadata} naming the suite, the run and the candidate, and the
 * response cache does not key on it: the next run's calls are answered from the cache.
 */
class RequestTagsRunTest {

    private static final RunContext CONTEXT = new RunContext("test", "fake", "us-east-1", true);

    @TempDir
    Path dir;

    /** Records each request, answers as the fake does. */
    private static final class Recording implements ModelClient {
        final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
        final FakeModelClient inner = new FakeModelClient(TinySuite::answer);

        @Override
        public CallResult call(ModelRequest request) {
            requests.add(request);
            return inner.call(request);
        }

        @Override
        public void close() {
        }
    }

    /** A response cache in memory. */
    private static final class MemoryCache implements ResponseCache {
        final Map<String, CallResult.Completion> answers = new ConcurrentHashMap<>();

        @Override
        public Optional<CallResult.Completion> get(String key, Instant notBefore) {
            return Optional.ofNullable(answers.get(key));
        }

        @Override
        public void put(String key, CallResult.Completion completion, Instant at) {
            answers.put(key, completion);
        }
    }

    @Test
    void eachCallNamesSuiteRunAndCandidateAndTheCacheStillHitsAcrossRuns() throws Exception {
        PreparedSuite suite = TinySuite.prepare(dir, 3);
        Recording client = new Recording();
        Runner.Options cached = new Runner.Options(false, Optional.of(new MemoryCache()), Duration.ofDays(1),
                "fake", Optional.empty());
        try (RunStore store = RunStore.open(dir.resolve("store.db"))) {
            new Runner(client, store, InstantSource.system(), RunProgress.NONE).run(suite,
                    new RunId("20261203-120000-0001"), CONTEXT, cached);
            assertThat(client.requests).hasSize(6);
            assertThat(client.requests).extracting(ModelRequest::requestMetadata).containsOnly(
                    Map.of("frontier-suite", "tiny", "frontier-run", "20261203-120000-0001",
                            "frontier-candidate", "micro"),
                    Map.of("frontier-suite", "tiny", "frontier-run", "20261203-120000-0001",
                            "frontier-candidate", "lite"));
            new Runner(client, store, InstantSource.system(), RunProgress.NONE).run(suite,
                    new RunId("20261203-120500-0002"), CONTEXT, cached);
            assertThat(client.requests).hasSize(6);
        }
    }
}
