package dev.frontier.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.model.CallResult;
import dev.frontier.model.Item;
import dev.frontier.model.RunId;
import dev.frontier.model.Score;
import dev.frontier.model.TokenUsage;
import dev.frontier.store.CallSource;
import dev.frontier.store.RunStore;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunExport} on a hand-made store of three calls: the exact CSV and JSON Lines, the order (candidate, item),
 * the holdout flag from the split, unknown values, a scorer that failed and one that did not score a call.
 */
class ExportRowsTest {

    private static final RunId RUN = new RunId("20261203-120000-abcd");
    // HoldoutSplit(0.5, 7): item "a" is held out, item "e" is not
    private static final HoldoutSplit SPLIT = new HoldoutSplit(0.5, 7);

    @TempDir
    Path dir;

    private RunStore store;
    private long written;

    @BeforeEach
    void store() {
        store = RunStore.open(dir.resolve("store.db"));
        store.beginRun(RUN, "s", "2026-12-03T12:00:00Z", "h", "d");
        // recorded out of order: the export sorts by candidate, then item
        store.recordCall(RUN, "y", "e", "m-y", new CallResult.Completion("ok", "max_tokens",
                new TokenUsage(1, 1, 0, 0), 5, 6, ""), BigDecimal.ZERO,
                Map.of("judge", new Score.Failed("no verdict"), "match", new Score.Value(0, null)), CallSource.IMPORTED);
        store.recordCall(RUN, "x", "e", "m-x", new CallResult.Completion("he said \"hi\"\nbye", "end_turn",
                new TokenUsage(10, 2, 3, 4), 120, 130, "", "arn:router-chosen", "flex", "optimized"),
                new BigDecimal("0.0000001"), Map.of("judge", new Score.Value(0.75, "clear | concise"),
                        "match", new Score.Value(1, null)), CallSource.CACHED);
        store.recordCall(RUN, "x", "a", "m-x", new CallResult.Failure("ThrottlingException", "slow, down", true, 900),
                null, Map.of("match", new Score.Value(0, null)), CallSource.CALLED);
    }

    private String export(RunExport.Format format, Optional<HoldoutSplit> split, Set<String> items)
            throws IOException {
        StringWriter out = new StringWriter();
        written = RunExport.write(store, RUN, new RunExport.Options(format, split, items::contains), out);
        store.close();
        return out.toString();
    }

    @Test
    void csvHasAFixedHeaderThreeColumnsAScorerAndEmptyCellsForUnknowns() throws IOException {
        assertThat(export(RunExport.Format.CSV, Optional.of(SPLIT), Set.of("a", "e"))).isEqualTo("""
                run_id,candidate_id,model_id,item_id,holdout,source,output,stop_reason,error_code,error_message,\
                input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,latency_ms,client_latency_ms,cost_usd,\
                invoked_model_id,service_tier,performance,score.judge,score.judge.note,score.judge.failure,\
                score.match,score.match.note,score.match.failure
                20261203-120000-abcd,x,m-x,a,true,called,,,ThrottlingException,"slow, down",0,0,0,0,0,900,,,,,,,,0.0,,
                20261203-120000-abcd,x,m-x,e,false,cached,"he said ""hi""
                bye",end_turn,,,10,2,3,4,120,130,0.0000001,arn:router-chosen,flex,optimized,0.75,clear | concise,,1.0,,
                20261203-120000-abcd,y,m-y,e,false,imported,ok,max_tokens,,,1,1,0,0,5,6,0,,,,,,no verdict,0.0,,
                """);
        assertThat(written).isEqualTo(3);
    }

    @Test
    void jsonLinesHaveEveryMemberWithNullsAndTheScoresAsAnObject() throws IOException {
        List<String> lines = export(RunExport.Format.JSONL, Optional.of(SPLIT), Set.of("a", "e")).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("{\"run_id\":\"20261203-120000-abcd\",\"candidate_id\":\"x\","
                + "\"model_id\":\"m-x\",\"item_id\":\"a\",\"holdout\":true,\"source\":\"called\",\"output\":null,"
                + "\"stop_reason\":null,\"error_code\":\"ThrottlingException\",\"error_message\":\"slow, down\","
                + "\"input_tokens\":0,\"output_tokens\":0,\"cache_read_tokens\":0,\"cache_write_tokens\":0,"
                + "\"latency_ms\":0,\"client_latency_ms\":900,\"cost_usd\":null,\"invoked_model_id\":\"\","
                + "\"service_tier\":\"\",\"performance\":\"\",\"scores\":{\"match\":{\"value\":0.0,\"note\":null,"
                + "\"failure\":null}}}");
        assertThat(lines.get(1)).isEqualTo("{\"run_id\":\"20261203-120000-abcd\",\"candidate_id\":\"x\","
                + "\"model_id\":\"m-x\",\"item_id\":\"e\",\"holdout\":false,\"source\":\"cached\","
                + "\"output\":\"he said \\\"hi\\\"\\nbye\",\"stop_reason\":\"end_turn\",\"error_code\":null,"
                + "\"error_message\":null,\"input_tokens\":10,\"output_tokens\":2,\"cache_read_tokens\":3,"
                + "\"cache_write_tokens\":4,\"latency_ms\":120,\"client_latency_ms\":130,\"cost_usd\":0.0000001,"
                + "\"invoked_model_id\":\"arn:router-chosen\",\"service_tier\":\"flex\",\"performance\":\"optimized\","
                + "\"scores\":{\"judge\":{\"value\":0.75,\"note\":\"clear | concise\",\"failure\":null},"
                + "\"match\":{\"value\":1.0,\"note\":null,\"failure\":null}}}");
        assertThat(lines.get(2)).contains("\"candidate_id\":\"y\"", "\"cost_usd\":0,",
                "\"judge\":{\"value\":null,\"note\":null,\"failure\":\"no verdict\"}");
    }

    @Test
    void withoutASplitThereIsNoHoldoutColumnAndTheItemFilterKeepsOnlyItsItems() throws IOException {
        String csv = export(RunExport.Format.CSV, Optional.empty(), Set.of("e"));
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("run_id,candidate_id,model_id,item_id,source,output,");
        assertThat(csv).doesNotContain(",a,").contains(",x,m-x,e,cached,", ",y,m-y,e,imported,");
        assertThat(written).isEqualTo(2);
    }

    @Test
    void anUnknownRunHasNoRows() throws IOException {
        StringWriter out = new StringWriter();
        assertThat(RunExport.write(store, new RunId("20200101-000000-0000"), new RunExport.Options(
                RunExport.Format.JSONL, Optional.empty(), id -> true), out)).isZero();
        assertThat(out.toString()).isEmpty();
        store.close();
    }

    @Test
    void aSliceMatchesAlternativesOfOneFieldAndEveryField() {
        Slice slice = Slice.of(List.of("intent=refund", "intent=login", "lang=de"));
        assertThat(slice.matches(new Item("1", Map.of("intent", "login", "lang", "de")))).isTrue();
        assertThat(slice.matches(new Item("2", Map.of("intent", "refund", "lang", "en")))).isFalse();
        assertThat(slice.matches(new Item("3", Map.of("intent", "refund")))).isFalse();
        assertThat(Slice.of(List.of("note=a=b")).matches(new Item("4", Map.of("note", "a=b")))).isTrue();
        assertThat(Slice.of(List.of("note=")).matches(new Item("5", Map.of("note", "")))).isTrue();
        assertThat(slice.unknownFields(Set.of("intent", "text"))).containsExactly("lang");
        assertThat(Slice.of(List.of()).isAll()).isTrue();
        assertThatThrownBy(() -> Slice.of(List.of("=x"))).hasMessage("'=x' is not FIELD=VALUE (e.g. "
                + "intent=billing_refund)");
        assertThatThrownBy(() -> Slice.of(List.of("intent"))).isInstanceOf(IllegalArgumentException.class);
    }
}
