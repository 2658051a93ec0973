package dev.frontier.logs;

import static dev.frontier.logs.LogLines.converse;
import static dev.frontier.logs.LogLines.gzip;
import static dev.frontier.logs.LogLines.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.model.S3Uri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvocationLogReaderTest {

    private static final String T = "2026-11-23T08:15:02Z";
    private static final String OUT = "{\"output\":{\"message\":{\"content\":[{\"text\":\"ok\"}]}}}";

    @TempDir
    Path dir;

    /** What a reading produced. */
    static final class Collected implements InvocationLogReader.Listener {
        final List<InvocationLogRecord> records = new ArrayList<>();
        final List<String> where = new ArrayList<>();
        final List<InvocationLogReader.Malformed> malformed = new ArrayList<>();

        @Override
        public void record(InvocationLogRecord record, String object, long line) {
            records.add(record);
            where.add(object + ":" + line);
        }

        @Override
        public void malformed(InvocationLogReader.Malformed m) {
            malformed.add(m);
        }
    }

    private Collected readLines(String... lines) throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), String.join("\n", lines) + "\n");
        Collected c = new Collected();
        InvocationLogReader.read(new InvocationLogSource.Folder(dir), c);
        return c;
    }

    private InvocationLogRecord one(String inputBody, String outputBody) throws IOException {
        Collected c = readLines(record(T, "InvokeModel", "m", inputBody, outputBody, 10, 3, 0, null));
        assertEquals(List.of(), c.malformed);
        return c.records.get(0);
    }

    @Test
    void aConverseRecordGivesEveryField() throws IOException {
        Collected c = readLines(record(T, "Converse", "us.amazon.nova-lite-v1:0",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Summarize: hi\"}]}],"
                        + "\"system\":[{\"text\":\"Be brief.\"}],\"inferenceConfig\":{\"maxTokens\":300}}",
                OUT, 412, 38, 100, "{\"team\":\"support\",\"feature\":\"summaries\"}"));
        InvocationLogRecord r = c.records.get(0);
        assertEquals(Instant.parse(T), r.timestamp());
        assertEquals("Converse", r.operation());
        assertEquals("us.amazon.nova-lite-v1:0", r.modelId());
        assertEquals("amazon.nova-lite-v1:0", r.baseModelId());
        assertEquals(Map.of("team", "support", "feature", "summaries"), r.requestMetadata());
        assertEquals("Be brief.", r.system());
        assertEquals("Summarize: hi", r.prompt());
        assertEquals(1, r.userTurns());
        assertEquals(Optional.of("ok"), r.response());
        assertEquals(412, r.inputTokens());
        assertEquals(38, r.outputTokens());
        assertEquals(100, r.cacheReadTokens());
        assertEquals(512, r.allInputTokens());
        assertEquals(List.of("a.jsonl:1"), c.where);
    }

    @Test
    void multiTurnKeepsTheUserTurnsInOrderAndDropsTheAssistantTurns() throws IOException {
        InvocationLogRecord r = one("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"first\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"text\":\"answer\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"text\":\"second\"},{\"image\":{\"format\":\"png\"}}]}]}", OUT);
        assertEquals("first\n\nsecond", r.prompt());
        assertEquals(2, r.userTurns());
        assertEquals("", r.system());
    }

    @Test
    void anthropicMessages() throws IOException {
        InvocationLogRecord r = one("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":300,"
                        + "\"system\":\"You are terse.\",\"messages\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"image\",\"source\":{}},{\"type\":\"text\",\"text\":\"What is this?\"}]}]}",
                "{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"A cat.\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10}}");
        assertEquals("You are terse.", r.system());
        assertEquals("What is this?", r.prompt());
        assertEquals(Optional.of("A cat."), r.response());
        InvocationLogRecord plain = one("{\"anthropic_version\":\"bedrock-2023-05-31\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Hello\"}]}", "{\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}");
        assertEquals("Hello", plain.prompt());
        assertEquals(Optional.of("Hi"), plain.response());
    }

    @Test
    void novaMessages() throws IOException {
        InvocationLogRecord r = one("{\"schemaVersion\":\"messages-v1\",\"system\":[{\"text\":\"S\"}],\"messages\":"
                + "[{\"role\":\"user\",\"content\":[{\"text\":\"Q\"}]}],\"inferenceConfig\":{\"maxTokens\":50}}",
                "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"A\"}]}},"
                        + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":3,\"outputTokens\":1}}");
        assertEquals("S", r.system());
        assertEquals("Q", r.prompt());
        assertEquals(Optional.of("A"), r.response());
    }

    @Test
    void titanAndLlama() throws IOException {
        InvocationLogRecord titan = one("{\"inputText\":\"Tell me\",\"textGenerationConfig\":{\"maxTokenCount\":9}}",
                "{\"inputTextTokenCount\":3,\"results\":[{\"tokenCount\":2,\"outputText\":\"Told\","
                        + "\"completionReason\":\"FINISH\"}]}");
        assertEquals("Tell me", titan.prompt());
        assertEquals(Optional.of("Told"), titan.response());
        InvocationLogRecord llama = one("{\"prompt\":\"<s>[INST] hi [/INST]\",\"max_gen_len\":64}",
                "{\"generation\":\"hello\",\"prompt_token_count\":5,\"generation_token_count\":1}");
        assertEquals("<s>[INST] hi [/INST]", llama.prompt());
        assertEquals(Optional.of("hello"), llama.response());
    }

    @Test
    void aStreamedResponseIsTheChunksJoined() throws IOException {
        InvocationLogRecord r = one("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Q\"}]}]}",
                "[{\"messageStart\":{\"role\":\"assistant\"}},{\"contentBlockDelta\":{\"delta\":{\"text\":\"Hel\"},"
                        + "\"contentBlockIndex\":0}},{\"contentBlockDelta\":{\"delta\":{\"text\":\"lo\"}}},"
                        + "{\"messageStop\":{\"stopReason\":\"end_turn\"}},{\"metadata\":{\"usage\":{}}}]");
        assertEquals(Optional.of("Hello"), r.response());
        InvocationLogRecord anthropic = one("{\"messages\":[{\"role\":\"user\",\"content\":\"Q\"}]}",
                "[{\"type\":\"message_start\"},{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\"Yes\"}},{\"type\":\"message_stop\"}]");
        assertEquals(Optional.of("Yes"), anthropic.response());
    }

    @Test
    void anUnreadableResponseIsLeftOutNotMalformed() throws IOException {
        InvocationLogRecord r = one("{\"prompt\":\"p\"}", "{\"embedding\":[0.1]}");
        assertEquals(Optional.empty(), r.response());
    }

    @Test
    void brokenRecordsAreReportedWithTheirLine() throws IOException {
        String good = converse(T, "m", "", "p", "a", 1, 1, null);
        Collected c = readLines(good,
                "{not json",
                "",
                "[1, 2]",
                record(T, "Converse", "m", "{\"foo\":1,\"bar\":2}", OUT, 1, 1, 0, null),
                good.replace("\"timestamp\":\"" + T + "\",", ""),
                good.replace(T, "yesterday"),
                record(T, "Converse", "m", "{\"messages\":[{\"role\":\"assistant\",\"content\":[]}]}", OUT, 1, 1, 0,
                        null),
                good.replace("\"modelId\":\"m\",", ""),
                good.replace("\"inputTokenCount\":1", "\"inputTokenCount\":-4"),
                good.replace("\"inputBodyJson\"", "\"inputBodyS3Path\":\"s3://b-logs/p/data/x.json.gz\",\"ignored\""),
                good);
        assertEquals(2, c.records.size());
        assertEquals(List.of("a.jsonl:1", "a.jsonl:12"), c.where);
        List<String> got = c.malformed.stream().map(m -> m.object() + ":" + m.line()).toList();
        assertEquals(List.of("a.jsonl:2", "a.jsonl:4", "a.jsonl:5", "a.jsonl:6", "a.jsonl:7", "a.jsonl:8",
                "a.jsonl:9", "a.jsonl:10", "a.jsonl:11"), got);
        String reasons = c.malformed.toString();
        assertTrue(c.malformed.get(0).reason().startsWith("not valid JSON"), reasons);
        assertEquals("not a JSON object", c.malformed.get(1).reason());
        assertTrue(c.malformed.get(2).reason().startsWith("unknown request body (fields: foo, bar)"), reasons);
        assertEquals("no timestamp", c.malformed.get(3).reason());
        assertTrue(c.malformed.get(4).reason().contains("not an ISO-8601 instant"), reasons);
        assertEquals("no user message", c.malformed.get(5).reason());
        assertEquals("no modelId", c.malformed.get(6).reason());
        assertTrue(c.malformed.get(7).reason().startsWith("inputTokenCount is not a token count"), reasons);
        assertTrue(c.malformed.get(8).reason().contains("import from the logs' S3 prefix"), reasons);
    }

    @Test
    void aFolderIsReadInKeyOrderGzipOrNotSkippingWhatIsNotALog() throws IOException {
        Path hour = Files.createDirectories(dir.resolve("AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/"
                + "2026/11/23/08"));
        Path later = Files.createDirectories(dir.resolve("AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/"
                + "2026/11/23/09"));
        Files.write(later.resolve("c.json.gz"), gzip(List.of(converse(T, "m", "", "third", "a", 1, 1, null))));
        Files.write(hour.resolve("b.json.gz"), gzip(List.of(converse(T, "m", "", "first", "a", 1, 1, null),
                converse(T, "m", "", "second", "a", 1, 1, null))));
        Files.writeString(hour.resolve("notes.txt"), "not a log");
        Files.createDirectories(hour.resolve("data"));
        Files.writeString(hour.resolve("data/big_input.json"), "{\"messages\":[]}");
        Files.writeString(dir.resolve("AWSLogs/111122223333/BedrockModelInvocationLogs/"
                + "amazon-bedrock-logs-permission-check.json"), "");
        Files.writeString(dir.resolve("plain.jsonl"), converse(T, "m", "", "fourth", "a", 1, 1, null) + "\n");
        Collected c = new Collected();
        var summary = InvocationLogReader.read(new InvocationLogSource.Folder(dir), c);
        assertEquals(List.of("first", "second", "third", "fourth"), c.records.stream().map(
                InvocationLogRecord::prompt).toList());
        assertEquals(new InvocationLogReader.Summary(3, 4, 0), summary);
        assertTrue(c.where.get(0).endsWith("/08/b.json.gz:1"), c.where.toString());
    }

    @Test
    void aBrokenGzipObjectIsReportedAndTheNextOneIsRead() throws IOException {
        byte[] whole = gzip(List.of(converse(T, "m", "", "lost", "a", 1, 1, null)));
        Files.write(dir.resolve("a.json.gz"), Arrays.copyOf(whole, whole.length - 12));
        Files.write(dir.resolve("b.json.gz"), gzip(List.of(converse(T, "m", "", "kept", "a", 1, 1, null))));
        Files.write(dir.resolve("c.jsonl"), new byte[] {'{', (byte) 0xff, '}', '\n'});
        Collected c = new Collected();
        InvocationLogReader.read(new InvocationLogSource.Folder(dir), c);
        assertEquals(List.of("kept"), c.records.stream().map(InvocationLogRecord::prompt).toList());
        assertEquals(2, c.malformed.size(), c.malformed.toString());
        assertEquals("a.json.gz", c.malformed.get(0).object());
        assertTrue(c.malformed.get(0).reason().startsWith("the gzip stream is broken"), c.malformed.toString());
        assertEquals("c.jsonl", c.malformed.get(1).object());
        assertEquals(1, c.malformed.get(1).line());
    }

    @Test
    void anS3PrefixIsListedOpenedAndItsDeliveredBodiesRead() {
        MemoryS3 s3 = new MemoryS3();
        String prefix = "s3://logs-bucket/bedrock/AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2026/11/23/08/";
        String big = converse(T, "m", "", "unused", "a", 1, 1, null).replace("\"inputBodyJson\"",
                "\"inputBodyS3Path\":\"" + prefix + "data/r1_input.json.gz\",\"was\"");
        s3.put(S3Uri.parse(prefix + "x.json.gz"), gzip(List.of(big, converse(T, "m", "", "small", "a", 1, 1, null))));
        s3.put(S3Uri.parse(prefix + "data/r1_input.json.gz"), gzip(List.of(
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"a very long prompt\"}]}]}")));
        s3.put(S3Uri.parse("s3://logs-bucket/bedrock/amazon-bedrock-logs-permission-check"),
                "".getBytes(StandardCharsets.UTF_8));
        s3.put(S3Uri.parse("s3://logs-bucket/elsewhere/y.json.gz"), gzip(List.of("{bad")));
        Collected c = new Collected();
        var summary = InvocationLogReader.read(new InvocationLogSource.S3Prefix(S3Uri.parse(
                "s3://logs-bucket/bedrock/"), s3), c);
        assertEquals(List.of("a very long prompt", "small"), c.records.stream().map(InvocationLogRecord::prompt)
                .toList());
        assertEquals(new InvocationLogReader.Summary(1, 2, 0), summary);
    }

    @Test
    void baseModelIds() {
        assertEquals("amazon.nova-lite-v1:0", InvocationLogRecord.baseModelId("amazon.nova-lite-v1:0"));
        assertEquals("anthropic.claude-3-5-sonnet-20241022-v2:0",
                InvocationLogRecord.baseModelId("eu.anthropic.claude-3-5-sonnet-20241022-v2:0"));
        assertEquals("amazon.nova-lite-v1:0", InvocationLogRecord.baseModelId(
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"));
        assertEquals("amazon.nova-pro-v1:0", InvocationLogRecord.baseModelId(
                "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0"));
        assertEquals("meta.llama3-8b-instruct-v1:0", InvocationLogRecord.baseModelId("meta.llama3-8b-instruct-v1:0"));
    }
}
