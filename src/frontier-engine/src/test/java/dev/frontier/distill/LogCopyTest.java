package dev.frontier.distill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.InferenceSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.invoke.S3Objects;
import dev.frontier.model.Item;
import dev.frontier.model.RequestMetadataFilter;
import dev.frontier.model.S3Uri;
import dev.frontier.model.Template;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The staged copy of the invocation logs: every record whose prompt is a holdout item's is left out, whatever its
 * format (Converse, native Anthropic, a body delivered under {@code data/}); the rest keep Bedrock's layout.
 */
class LogCopyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CandidateSpec TEACHER = new CandidateSpec("pro", "amazon.nova-pro-v1:0", true,
            new PromptSpec(new Template("Sort tickets."), new Template("Ticket:\n{{text}}"), PromptSpec.CacheMode.NONE),
            new InferenceSpec(20, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
    private static final String LAYOUT = "AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2026/11/23/";

    /** S3 in memory, keyed by URI text. */
    private static final class MemoryS3 implements S3Objects {
        final TreeMap<String, byte[]> objects = new TreeMap<>();

        @Override
        public void put(S3Uri target, Path file) {
            try {
                objects.put(target.toString(), java.nio.file.Files.readAllBytes(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void put(S3Uri target, byte[] bytes) {
            objects.put(target.toString(), bytes);
        }

        @Override
        public Optional<InputStream> open(S3Uri source) {
            return Optional.ofNullable(objects.get(source.toString())).map(ByteArrayInputStream::new);
        }

        @Override
        public List<S3Uri> list(S3Uri prefix) {
            return objects.keySet().stream().filter(k -> k.startsWith(prefix.toString())).map(S3Uri::parse).toList();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static ObjectNode converse(String requestId, String system, String user, Map<String, String> metadata) {
        ObjectNode r = JSON.createObjectNode().put("schemaType", "ModelInvocationLog").put("schemaVersion", "1.0")
                .put("timestamp", "2026-11-23T08:15:02Z").put("accountId", "111122223333").put("region", "us-east-1")
                .put("requestId", requestId).put("operation", "Converse").put("modelId", "amazon.nova-pro-v1:0");
        ObjectNode body = r.putObject("input").put("inputContentType", "application/json").putObject("inputBodyJson");
        body.putArray("system").addObject().put("text", system);
        body.putArray("messages").addObject().put("role", "user").putArray("content").addObject().put("text", user);
        r.putObject("output").put("outputContentType", "application/json").putObject("outputBodyJson")
                .putObject("output").putObject("message").put("role", "assistant").putArray("content").addObject()
                .put("text", "an answer");
        if (!metadata.isEmpty()) {
            ObjectNode m = r.putObject("requestMetadata");
            metadata.forEach(m::put);
        }
        return r;
    }

    @Test
    void noHoldoutPromptIsInTheCopyWhateverItsFormat() throws IOException {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(new Item("t-" + i, Map.of("text", "message number " + i)));
        }
        HoldoutSplit split = new HoldoutSplit(0.3, 11);
        List<Item> held = items.stream().filter(split::isHoldout).toList();
        assertThat(held).hasSizeGreaterThan(6);
        MemoryS3 s3 = new MemoryS3();
        // one hour of Converse logs: every item once, the holdout ones under another system prompt and with extra
        // white space, as production traffic would carry them
        StringBuilder hour = new StringBuilder();
        for (Item item : items) {
            boolean holdout = split.isHoldout(item);
            hour.append(converse("r-" + item.id(), holdout ? "You sort tickets." : "Sort tickets.",
                    "Ticket:\n" + item.fields().get("text") + (holdout ? "  " : ""),
                    Map.of("team", item.id().endsWith("7") ? "qa" : "support"))).append('\n');
        }
        s3.put(S3Uri.parse("s3://logs/bedrock/" + LAYOUT + "08/a.json.gz"), gzip(hour.toString()));
        // a native Anthropic body for a holdout item, and one whose body was delivered under data/
        ObjectNode anthropic = converse("r-native", "", "", Map.of());
        ObjectNode native0 = JSON.createObjectNode().put("anthropic_version", "bedrock-2023-05-31")
                .put("system", "Sort tickets.");
        native0.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("type", "text").put("text", "Ticket:\n" + held.get(0).fields().get("text"));
        ((ObjectNode) anthropic.get("input")).set("inputBodyJson", native0);
        ObjectNode large = converse("r-large", "", "", Map.of());
        ((ObjectNode) large.get("input")).remove("inputBodyJson");
        ((ObjectNode) large.get("input")).put("inputBodyS3Path",
                "s3://logs/bedrock/" + LAYOUT + "09/data/r-large-input.json.gz");
        ObjectNode largeBody = JSON.createObjectNode();
        largeBody.putArray("messages").addObject().put("role", "user").putArray("content").addObject()
                .put("text", "Ticket:\n" + held.get(1).fields().get("text"));
        s3.put(S3Uri.parse("s3://logs/bedrock/" + LAYOUT + "09/data/r-large-input.json.gz"),
                gzip(largeBody.toString()));
        s3.put(S3Uri.parse("s3://logs/bedrock/" + LAYOUT + "09/b.json.gz"), gzip(anthropic + "\n" + large + "\n"
                + converse("r-new", "Sort tickets.", "Ticket:\nsomething new", Map.of("team", "support")) + "\n"));
        s3.put(S3Uri.parse("s3://logs/bedrock/amazon-bedrock-logs-permission-check"), new byte[0]);

        RequestMetadataFilter filter = new RequestMetadataFilter.Equals("team", "support");
        LogCopy copy = LogCopy.of(s3, S3Uri.parse("s3://logs/bedrock"), Optional.of(filter), false,
                LogCopy.holdoutTexts(items, split, TEACHER));

        assertThat(copy.read()).isEqualTo(63);
        assertThat(copy.dropped()).isEqualTo(held.size() + 2);
        assertThat(copy.copied()).isEqualTo(items.size() - held.size() + 1);
        long qa = items.stream().filter(i -> !split.isHoldout(i) && i.id().endsWith("7")).count();
        assertThat(copy.records()).isEqualTo(copy.copied() - (int) qa);
        List<String> ids = new ArrayList<>();
        for (String line : copy.stagedLines()) {
            JsonNode record = JSON.readTree(line);
            ids.add(record.path("requestId").asText());
        }
        assertThat(ids).hasSize(copy.copied()).contains("r-new").doesNotContain("r-native", "r-large");
        for (Item h : held) {
            assertThat(ids).doesNotContain("r-" + h.id());
        }
        for (String line : copy.stagedLines()) {
            for (Item h : held) {
                assertThat(line).doesNotContain("\"" + "Ticket:\\n" + h.fields().get("text"));
            }
        }

        MemoryS3 staging = new MemoryS3();
        List<S3Uri> written = copy.write(staging, S3Uri.parse("s3://staging/support/distill-0123/invocation-logs/"));
        assertThat(written).extracting(S3Uri::toString).containsExactly(
                "s3://staging/support/distill-0123/invocation-logs/" + LAYOUT + "08/a.json.gz",
                "s3://staging/support/distill-0123/invocation-logs/" + LAYOUT + "09/b.json.gz");
        assertThat(copy.sha256()).hasSize(64);
    }

    @Test
    void theSameLogsGiveTheSameDigestAndAnotherHoldoutAnother() throws IOException {
        MemoryS3 s3 = new MemoryS3();
        s3.put(S3Uri.parse("s3://logs/" + LAYOUT + "08/a.json.gz"), gzip(
                converse("r-1", "s", "Ticket:\none", Map.of()) + "\n" + converse("r-2", "s", "Ticket:\ntwo", Map.of())));
        LogCopy a = LogCopy.of(s3, S3Uri.parse("s3://logs/"), Optional.empty(), true, java.util.Set.of());
        LogCopy b = LogCopy.of(s3, S3Uri.parse("s3://logs/"), Optional.empty(), true, java.util.Set.of());
        LogCopy c = LogCopy.of(s3, S3Uri.parse("s3://logs/"), Optional.empty(), true, java.util.Set.of("Ticket: two"));
        assertThat(a.sha256()).isEqualTo(b.sha256()).isNotEqualTo(c.sha256());
        assertThat(a.records()).isEqualTo(2);
        assertThat(c.dropped()).isEqualTo(1);
        assertThat(c.stagedLines()).singleElement().asString().contains("\"r-1\"");
    }

    @Test
    void aWrappedPromptIsFoundByTheItemsFieldAndUnreadableLinesAreNotCopied() throws IOException {
        // a dataset from 'frontier logs import': the logged prompt is the item's field, the template wraps it
        CandidateSpec wrapping = new CandidateSpec("pro", "amazon.nova-pro-v1:0", true,
                new PromptSpec(new Template(""), new Template("Summarize:\n{{prompt}}"), PromptSpec.CacheMode.NONE),
                new InferenceSpec(20, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
        List<Item> items = List.of(new Item("p00000000000000a1", Map.of("prompt", "the printer is on fire")),
                new Item("p00000000000000b2", Map.of("prompt", "reset my password")));
        HoldoutSplit all = new HoldoutSplit(0.999, 1);
        assertThat(items).allMatch(all::isHoldout);
        MemoryS3 s3 = new MemoryS3();
        s3.put(S3Uri.parse("s3://logs/" + LAYOUT + "08/a.json.gz"), gzip(
                converse("r-1", "", "the printer is on fire", Map.of()) + "\n{not json\n"
                        + converse("r-2", "", "where is my parcel", Map.of()) + "\n"));
        LogCopy copy = LogCopy.of(s3, S3Uri.parse("s3://logs/"), Optional.empty(), false,
                LogCopy.holdoutTexts(items, all, wrapping));
        assertThat(copy.read()).isEqualTo(2);
        assertThat(copy.dropped()).isEqualTo(1);
        assertThat(copy.unusable()).isEqualTo(1);
        assertThat(copy.stagedLines()).singleElement().asString().contains("\"r-2\"");
    }
}
