package dev.frontier.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.Item;
import dev.frontier.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsJsonlWithNestedValuesAsJsonText() throws IOException {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, "{\"id\":1,\"text\":\"hi\",\"tags\":[\"a\",\"b\"],\"n\":null}\n\n{\"id\":2,\"text\":\"yo\"}\n");
        Dataset d = ((DatasetReader.Loaded) DatasetReader.read(f, DatasetReader.Format.JSONL, "id")).dataset();
        assertThat(d.items()).extracting(Item::id).containsExactly("1", "2");
        assertThat(d.items().get(0).fields()).containsEntry("tags", "[\"a\",\"b\"]").doesNotContainKey("n");
        assertThat(d.fields()).containsExactly("id", "text", "tags");
        // sha256 of the exact bytes
        assertThat(d.sha256()).hasSize(64);
    }

    @Test
    void reportsEveryBadJsonlLine() throws IOException {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, "{\"id\":\"a\"}\nnot json\n[1]\n{\"x\":1}\n{\"id\":\"a\"}\n");
        List<Problem> p = ((DatasetReader.Invalid) DatasetReader.read(f, DatasetReader.Format.JSONL, "id")).problems();
        assertThat(p).extracting(Problem::line).containsExactly(2, 3, 4, 5);
        assertThat(p.get(3).problem()).isEqualTo("duplicate id 'a' (first on line 1)");
        assertThat(p.get(2).problem()).isEqualTo("no value for the id field 'id'");
    }

    @Test
    void readsCsvWithQuotedMultilineFieldsAndReportsLines() throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "id,text,label\na,\"hello, world\",x\nb,\"two\nlines\",y\nc,short\n");
        List<Problem> p = ((DatasetReader.Invalid) DatasetReader.read(f, DatasetReader.Format.CSV, "id")).problems();
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.problem()).isEqualTo("has 2 fields, the header has 3");
        });
        Files.writeString(f, "\uFEFFid,text\na,\"hello, world\"\nb,\"two\nlines\"\n");
        Dataset d = ((DatasetReader.Loaded) DatasetReader.read(f, DatasetReader.Format.CSV, "id")).dataset();
        assertThat(d.items()).extracting(i -> i.fields().get("text")).containsExactly("hello, world", "two\nlines");
    }

    @Test
    void missingAndEmptyFilesAreProblemsNotExceptions() throws IOException {
        assertThat(DatasetReader.read(dir.resolve("none.csv"), DatasetReader.Format.CSV, "id"))
                .isInstanceOf(DatasetReader.Invalid.class);
        Path empty = dir.resolve("e.jsonl");
        Files.writeString(empty, "");
        assertThat(((DatasetReader.Invalid) DatasetReader.read(empty, DatasetReader.Format.JSONL, "id")).problems())
                .singleElement().extracting(Problem::problem).isEqualTo("the dataset has no items");
        Path latin1 = dir.resolve("l.jsonl");
        Files.write(latin1, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
        assertThat(((DatasetReader.Invalid) DatasetReader.read(latin1, DatasetReader.Format.JSONL, "id")).problems())
                .singleElement().extracting(Problem::problem).isEqualTo("the file is not UTF-8 text");
    }

    @Test
    void contentHashChangesWithTheBytes() throws IOException {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, "{\"id\":\"a\"}\n");
        String h1 = ((DatasetReader.Loaded) DatasetReader.read(f, DatasetReader.Format.JSONL, "id")).dataset().sha256();
        Files.writeString(f, "{\"id\":\"a\"} \n");
        String h2 = ((DatasetReader.Loaded) DatasetReader.read(f, DatasetReader.Format.JSONL, "id")).dataset().sha256();
        assertThat(h1).isEqualTo("3b18c8bfa27eeb355f2f3bf7568833352c719338fa8faa213f1428cfa0fa2975"); // sha256sum of the same bytes
        assertThat(h2).isNotEqualTo(h1);
    }
}
