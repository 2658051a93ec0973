package dev.frontier.run;

import dev.frontier.config.SuiteLoader;
import dev.frontier.cost.PriceCatalog;
import dev.frontier.run.prepare.PreparedSuite;
import dev.frontier.run.prepare.SuitePreparation;
import dev.frontier.score.ScorerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A suite written to a folder for unit tests of a run: {@code items} items whose expected answer is the prompt in
 * capitals, two candidates ({@value #MICRO} and {@value #LITE}, both priced in the bundled catalog), one exact-match
 * scorer, calls one at a time (so that a budget stops at a known call).
 */
public final class TinySuite {
    public static final String MICRO = "amazon.nova-micro-v1:0";
    public static final String LITE = "amazon.nova-lite-v1:0";

    private TinySuite() {
    }

    /** The user prompt of item {@code i} (from 1). */
    public static String prompt(int i) {
        return String.format(Locale.ROOT, "word-%02d", i);
    }

    /** An answer that is right for {@value #MICRO} and wrong for {@value #LITE}. */
    public static String answer(String model, String user) {
        return MICRO.equals(model) ? user.toUpperCase(Locale.ROOT) : "no idea";
    }

    /** Writes the suite into {@code dir} and prepares it. */
    public static PreparedSuite prepare(Path dir, int items) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            lines.add("{\"id\": \"i" + i + "\", \"q\": \"" + prompt(i) + "\", \"a\": \""
                    + prompt(i).toUpperCase(Locale.ROOT) + "\"}");
        }
        Files.write(dir.resolve("items.jsonl"), lines);
        Files.writeString(dir.resolve("suite.yaml"), """
                suite: tiny
                dataset: { path: items.jsonl, id: id, holdout: 0 }
                prompt:
                  system: "Say the word in capitals."
                  user: "{{q}}"
                inference: { maxTokens: 10, temperature: 0 }
                candidates:
                  - { id: micro, model: %s, role: incumbent }
                  - { id: lite, model: %s }
                scorers:
                  - { type: exact-match, expected: "{{a}}", weight: 1 }
                execution: { concurrency: 1 }
                """.formatted(MICRO, LITE));
        SuiteLoader.Result loaded = SuiteLoader.load(dir.resolve("suite.yaml"));
        if (!(loaded instanceof SuiteLoader.Loaded ok)) {
            throw new IllegalStateException("the test suite does not load: " + loaded);
        }
        SuitePreparation.Result prepared = SuitePreparation.prepare(ok.suite(), PriceCatalog.bundled(),
                ScorerRegistry.standard());
        if (!(prepared instanceof SuitePreparation.Ready ready)) {
            throw new IllegalStateException("the test suite does not prepare: " + prepared);
        }
        return ready.suite();
    }
}
