package dev.frontier.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.model.Item;
import dev.frontier.model.RunId;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Writes every stored call of a run — one row per candidate and item — as JSON Lines or CSV, as it is read from the
 * run store, so that memory stays bounded whatever the run's size.
 *
 * <p>The columns, in order: {@link #COLUMNS} ({@code holdout} only when the run's split is known), then per scorer
 * (in scorer id order) {@code score.<id>}, {@code score.<id>.note} (an LLM judge's reasons) and
 * {@code score.<id>.failure}. In JSON Lines the same names are the members of each line, but the scores are one
 * object {@code "scores": {"<id>": {"value", "note", "failure"}}}; unknown values are {@code null} (an empty cell in
 * CSV).
 */
public final class RunExport {

    /** The output formats. */
    public enum Format {
        /** One JSON object per line. */
        JSONL,
        /** A header line, then one line per row (RFC 4180 quoting). */
        CSV
    }

    /** The fixed columns, in order; {@code holdout} is left out when the split is unknown. */
    public static final List<String> COLUMNS = List.of("run_id", "candidate_id", "model_id", "item_id", "holdout",
            "source", "output", "stop_reason", "error_code", "error_message", "input_tokens", "output_tokens",
            "cache_read_tokens", "cache_write_tokens", "latency_ms", "client_latency_ms", "cost_usd",
            "invoked_model_id", "service_tier", "performance");

    /**
     * What to export.
     *
     * @param format  JSON Lines or CSV
     * @param holdout the run's holdout split, when known (then each row says whether its item is held out)
     * @param items   which item ids to keep
     */
    public record Options(Format format, Optional<HoldoutSplit> holdout, Predicate<String> items) {
    }

    private RunExport() {
    }

    /**
     * Writes run {@code id}'s rows to {@code out} (not closed) and returns how many were written.
     *
     * @throws IOException when {@code out} cannot be written
     */
    public static long write(RunStore store, RunId id, Options options, Writer out) throws IOException {
        List<String> scorers = store.scorerIds(id);
        RowWriter writer = options.format() == Format.CSV ? new CsvRows(out, scorers, options.holdout().isPresent())
                : new JsonRows(out);
        long[] written = {0};
        try {
            store.exportRows(id, row -> {
                if (!options.items().test(row.itemId())) {
                    return;
                }
                Optional<Boolean> holdout = options.holdout()
                        .map(split -> split.isHoldout(new Item(row.itemId(), Map.of())));
                try {
                    writer.write(id, row, holdout, scorers);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0]++;
            });
            writer.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written[0];
    }

    /** Writes rows in one format. */
    private interface RowWriter {
        void write(RunId id, RunStore.ExportRow row, Optional<Boolean> holdout, List<String> scorers)
                throws IOException;

        void finish() throws IOException;
    }

    private static final class CsvRows implements RowWriter {
        private final ICSVWriter csv;

        CsvRows(Writer out, List<String> scorers, boolean holdout) {
            csv = new CSVWriter(out, ',', '"', '"', "\n");
            List<String> header = new ArrayList<>(COLUMNS);
            if (!holdout) {
                header.remove("holdout");
            }
            for (String s : scorers) {
                header.add("score." + s);
                header.add("score." + s + ".note");
                header.add("score." + s + ".failure");
            }
            csv.writeNext(header.toArray(String[]::new), false);
        }

        @Override
        public void write(RunId id, RunStore.ExportRow r, Optional<Boolean> holdout, List<String> scorers)
                throws IOException {
            List<String> cells = new ArrayList<>(COLUMNS.size() + 3 * scorers.size());
            cells.add(id.value());
            cells.add(r.candidateId());
            cells.add(r.modelId());
            cells.add(r.itemId());
            holdout.ifPresent(h -> cells.add(h.toString()));
            cells.add(r.source().label());
            cells.add(r.output());
            cells.add(r.stopReason());
            cells.add(r.errorCode());
            cells.add(r.errorMessage());
            cells.add(Long.toString(r.inputTokens()));
            cells.add(Long.toString(r.outputTokens()));
            cells.add(Long.toString(r.cacheReadTokens()));
            cells.add(Long.toString(r.cacheWriteTokens()));
            cells.add(Long.toString(r.latencyMs()));
            cells.add(Long.toString(r.clientLatencyMs()));
            cells.add(r.costUsd() == null ? null : r.costUsd().toPlainString());
            cells.add(r.invokedModelId());
            cells.add(r.serviceTier());
            cells.add(r.performance());
            for (String s : scorers) {
                RunStore.StoredScore score = r.scores().get(s);
                cells.add(score == null || score.value() == null ? null : score.value().toString());
                cells.add(score == null ? null : score.note());
                cells.add(score == null ? null : score.failure());
            }
            csv.writeNext(cells.toArray(String[]::new), false);
            if (csv.checkError()) {
                throw new IOException("the CSV output cannot be written", csv.getException());
            }
        }

        @Override
        public void finish() throws IOException {
            csv.flush();
        }
    }

    private static final class JsonRows implements RowWriter {
        private final Writer out;
        private final JsonGenerator json;

        JsonRows(Writer out) throws IOException {
            this.out = out;
            // costs as written in the store (0.0000001, never 1E-7); the caller's writer stays open and is flushed once
            json = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                    .build().createGenerator(out);
            json.setRootValueSeparator(null); // each line ends with our '\n', not Jackson's " " between root values
        }

        @Override
        public void write(RunId id, RunStore.ExportRow r, Optional<Boolean> holdout, List<String> scorers)
                throws IOException {
            json.writeStartObject();
            json.writeStringField("run_id", id.value());
            json.writeStringField("candidate_id", r.candidateId());
            json.writeStringField("model_id", r.modelId());
            json.writeStringField("item_id", r.itemId());
            if (holdout.isPresent()) {
                json.writeBooleanField("holdout", holdout.get());
            }
            json.writeStringField("source", r.source().label());
            json.writeStringField("output", r.output());
            json.writeStringField("stop_reason", r.stopReason());
            json.writeStringField("error_code", r.errorCode());
            json.writeStringField("error_message", r.errorMessage());
            json.writeNumberField("input_tokens", r.inputTokens());
            json.writeNumberField("output_tokens", r.outputTokens());
            json.writeNumberField("cache_read_tokens", r.cacheReadTokens());
            json.writeNumberField("cache_write_tokens", r.cacheWriteTokens());
            json.writeNumberField("latency_ms", r.latencyMs());
            json.writeNumberField("client_latency_ms", r.clientLatencyMs());
            BigDecimal cost = r.costUsd();
            if (cost == null) {
                json.writeNullField("cost_usd");
            } else {
                json.writeNumberField("cost_usd", cost);
            }
            json.writeStringField("invoked_model_id", r.invokedModelId());
            json.writeStringField("service_tier", r.serviceTier());
            json.writeStringField("performance", r.performance());
            json.writeObjectFieldStart("scores");
            for (String s : scorers) {
                RunStore.StoredScore score = r.scores().get(s);
                if (score == null) {
                    continue; // this call was not scored by s (a scorer added by a later rescore, say)
                }
                json.writeObjectFieldStart(s);
                if (score.value() == null) {
                    json.writeNullField("value");
                } else {
                    json.writeNumberField("value", score.value());
                }
                // a scorer without a note stores "": null, as in results.json, where only non-empty notes appear
                json.writeStringField("note", score.note() == null || score.note().isEmpty() ? null : score.note());
                json.writeStringField("failure", score.failure());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
            out.write('\n');
        }

        @Override
        public void finish() throws IOException {
            json.flush();
            out.flush();
        }
    }
}
