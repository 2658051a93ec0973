package dev.frontier.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Human labels from CSV and JSONL: the column mapping and every bad row with its line. */
class LabelsReaderTest {

    @TempDir
    Path dir;

    private static final LabelsReader.Columns COLUMNS = new LabelsReader.Columns("ticket", "model", "rater", "grade");
    /** A 1..5 scale, normalized. */
    private static final Function<String, Optional<Double>> ONE_TO_FIVE = raw -> {
        try {
            double v = Double.parseDouble(raw);
            return v >= 1 && v <= 5 ? Optional.of((v - 1) / 4) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    };

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsMappedColumnsAndNormalizesValues() throws IOException {
        Path csv = write("labels.csv", "model,ticket,grade,rater,comment\n"
                + "haiku,T-1,5,ana,\"fine, really\"\nhaiku,T-1,3,ben,\nsonnet,T-1,1,ana,\n");
        LabelsReader.Result r = LabelsReader.read(csv, false, COLUMNS, ONE_TO_FIVE, "1 to 5");
        assertThat(r).isInstanceOf(LabelsReader.Loaded.class);
        assertThat(((LabelsReader.Loaded) r).labels()).containsExactly(
                new LabelsReader.Label(2, "T-1", "haiku", "ana", 1.0),
                new LabelsReader.Label(3, "T-1", "haiku", "ben", 0.5),
                new LabelsReader.Label(4, "T-1", "sonnet", "ana", 0.0));

        Path jsonl = write("labels.jsonl", "{\"ticket\": \"T-1\", \"model\": \"haiku\", \"rater\": \"ana\", "
                + "\"grade\": 4}\n\n{\"ticket\": \"T-2\", \"model\": \"haiku\", \"rater\": \"ana\", \"grade\": 2}\n");
        LabelsReader.Result j = LabelsReader.read(jsonl, true, COLUMNS, ONE_TO_FIVE, "1 to 5");
        assertThat(((LabelsReader.Loaded) j).labels()).extracting(LabelsReader.Label::line).containsExactly(1, 3);
    }

    @Test
    void everyBadRowIsReportedWithItsLine() throws IOException {
        Path csv = write("bad.csv", "ticket,model,rater,grade\n"
                + "T-1,haiku,ana,4\n"
                + "T-1,haiku,ana,5\n"          // the same annotator again
                + "T-2,haiku,ana,seven\n"      // not on the scale
                + "T-3,,ana,3\n"               // no candidate
                + "T-4,haiku,ana\n"            // too few fields
                + "\"T-5,haiku,ana,4\n");      // unclosed quote
        LabelsReader.Result r = LabelsReader.read(csv, false, COLUMNS, ONE_TO_FIVE, "1 to 5");
        assertThat(r).isInstanceOf(LabelsReader.Invalid.class);
        assertThat(((LabelsReader.Invalid) r).problems()).extracting(Problem::toString).containsExactly(
                csv + ":3 annotator 'ana' labelled item 'T-1' of candidate 'haiku' again (first on line 2) "
                        + "(keep one label per annotator)",
                csv + ":4 'seven' is not a valid grade (expected 1 to 5)",
                csv + ":5 no value for model (every label needs an item, a candidate, an annotator and a value)",
                csv + ":6 has 3 fields, the header has 4 (quote fields that contain commas)",
                csv + ":7 a quoted field is never closed (close the quote on this line)");
    }

    @Test
    void aMissingColumnOrFileIsAProblemNotACrash() throws IOException {
        Path csv = write("cols.csv", "ticket,model,annotator,grade\nT-1,haiku,ana,4\n");
        assertThat(((LabelsReader.Invalid) LabelsReader.read(csv, false, COLUMNS, ONE_TO_FIVE, "1 to 5")).problems())
                .extracting(Problem::toString).containsExactly(csv + ":1 no column 'rater' in the header (the header "
                        + "has: ticket, model, annotator, grade; map the roles with 'columns:')");
        Path jsonl = write("bad.jsonl", "{\"ticket\": 1\n[1]\n");
        assertThat(((LabelsReader.Invalid) LabelsReader.read(jsonl, true, COLUMNS, ONE_TO_FIVE, "")).problems())
                .extracting(Problem::line).containsExactly(1, 2);
        assertThat(LabelsReader.read(dir.resolve("none.csv"), false, COLUMNS, ONE_TO_FIVE, ""))
                .isInstanceOf(LabelsReader.Invalid.class);
    }
}
