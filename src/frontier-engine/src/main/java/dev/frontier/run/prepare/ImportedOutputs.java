package dev.frontier.run.prepare;

import dev.frontier.config.CandidateSpec;
import dev.frontier.config.SuiteSpec;
import dev.frontier.dataset.Dataset;
import dev.frontier.dataset.OutputsReader;
import dev.frontier.invoke.TokenEstimate;
import dev.frontier.model.CallResult;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;
import dev.frontier.model.Problem;
import dev.frontier.model.TokenUsage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Outputs of candidates that make no calls: read when the suite is prepared (every bad line reported with file
 * and line), joined to the dataset's items (by id, or for Bedrock evaluation records by the rendered prompt), and
 * turned into answers. An item without an output is a failed item. Without reported usage, tokens are estimated
 * (about four characters per token) from the candidate's rendered prompt and the output, so the candidate can
 * still be priced as the model named by {@code priceAs}.
 */
public final class ImportedOutputs {
    private ImportedOutputs() {
    }

    /** The imported outputs by candidate id, then item id; problems are added to {@code problems}. */
    static Map<String, Map<String, OutputsReader.Imported>> read(SuiteSpec suite, Dataset dataset,
                                                                Set<Problem> problems) {
        Map<String, Map<String, OutputsReader.Imported>> out = new LinkedHashMap<>();
        for (CandidateSpec c : suite.candidates()) {
            if (!c.isImported()) {
                continue;
            }
            CandidateSpec.ImportSpec spec = c.imported().get();
            OutputsReader.Format format = switch (spec.format()) {
                case JSONL -> OutputsReader.Format.JSONL;
                case BEDROCK_BATCH -> OutputsReader.Format.BEDROCK_BATCH;
                case BEDROCK_EVAL -> OutputsReader.Format.BEDROCK_EVAL;
            };
            OutputsReader.Result read = OutputsReader.read(spec.file(), format, suite.dataset().idField(),
                    spec.modelIdentifier());
            if (read instanceof OutputsReader.Invalid invalid) {
                problems.addAll(invalid.problems());
                continue;
            }
            Map<String, OutputsReader.Imported> byKey = ((OutputsReader.Loaded) read).outputs();
            Map<String, OutputsReader.Imported> byItem = new LinkedHashMap<>();
            Set<String> used = new HashSet<>();
            for (Item item : dataset.items()) {
                String key = spec.format() == CandidateSpec.Format.BEDROCK_EVAL
                        ? Requests.of(c, item).user().strip() : item.id();
                OutputsReader.Imported found = byKey.get(key);
                if (found != null) {
                    byItem.put(item.id(), found);
                    used.add(key);
                }
            }
            int unknown = 0;
            OutputsReader.Imported firstUnknown = null;
            for (Map.Entry<String, OutputsReader.Imported> e : byKey.entrySet()) {
                if (!used.contains(e.getKey())) {
                    unknown++;
                    firstUnknown = firstUnknown == null ? e.getValue() : firstUnknown;
                }
            }
            if (firstUnknown != null) {
                problems.add(new Problem(firstUnknown.file(), firstUnknown.line(), 0, "", unknown + " outputs of '"
                        + c.id() + "' match no dataset item and are ignored", spec.format()
                        == CandidateSpec.Format.BEDROCK_EVAL ? "the prompt must equal the candidate's rendered user "
                        + "prompt" : "ids (recordId for batch output) must be the dataset's item ids",
                        Problem.Severity.WARNING));
            }
            out.put(c.id(), byItem);
        }
        return out;
    }

    /** The answer of an imported candidate to an item: its output, or a failure when the file has none. */
    public static CallResult answer(PreparedSuite p, CandidateSpec c, Item item) {
        OutputsReader.Imported found = p.imported().getOrDefault(c.id(), Map.of()).get(item.id());
        if (found == null) {
            return new CallResult.Failure("MissingOutput", "no output for this item in "
                    + c.imported().map(i -> i.file().getFileName().toString()).orElse("the outputs file"), false, 0);
        }
        if (found.usageKnown() || !(found.result() instanceof CallResult.Completion done)) {
            return found.result();
        }
        ModelRequest request = Requests.of(c, item);
        long output = (done.text().length() + 3) / 4;
        return new CallResult.Completion(done.text(), done.stopReason(),
                new TokenUsage(TokenEstimate.input(request), output, 0, 0), done.latencyMs(), 0, "");
    }

    /** Whether the candidate's usage for an item was estimated rather than reported. */
    static boolean estimated(PreparedSuite p, CandidateSpec c, String itemId) {
        return Optional.ofNullable(p.imported().getOrDefault(c.id(), Map.of()).get(itemId))
                .map(i -> !i.usageKnown()).orElse(false);
    }
}
