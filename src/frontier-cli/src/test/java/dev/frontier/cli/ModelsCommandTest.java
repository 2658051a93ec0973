package dev.frontier.cli;

import static dev.frontier.cli.MainTest.frontier;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frontier models} end to end, in process, against the sandbox's control plane. */
class ModelsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";

    @TempDir
    Path dir;

    @Test
    void listsWhatCanBeCalledInTheRegionAndFindsNoDifferenceWithTheSandbox() {
        MainTest.Outcome o = frontier("models", "--sandbox", "--region", "us-east-1");
        assertThat(o.code()).as(o.err()).isZero();
        String out = o.out();
        assertThat(out).contains("Bedrock models in us-east-1", "USD per 1M tokens",
                "call as:    us.anthropic.claude-haiku-4-5-20251001-v1:0, global.anthropic.claude-haiku-4-5-20251001-v1:0"
                        + "  (inference profile only",
                // Nova Micro: $0.035 / $0.14 per 1M, from the July 2025 pricing page copy
                "input 0.035, output 0.14; batch 0.0175 / 0.07; cache read 0.00875, write 0.035  [pricing-page-2025-07]",
                "[pricing-page-2025-07] Amazon Bedrock pricing page", "(2025-07-20",
                "Claude Sonnet 4.5 (Anthropic)  [LEGACY]", "public extended access (higher prices) from 2027-01-08",
                "prompt caching (from 4096 tokens per checkpoint");
        String ended = out.substring(out.indexOf("Past end of life"));
        assertThat(ended).contains("anthropic.claude-3-haiku-20240307-v1:0  Claude 3 Haiku", "end of life 2026-09-10");
        assertThat(out.substring(0, out.indexOf("Past end of life"))).doesNotContain("claude-3-haiku-20240307");
        assertThat(out).contains("Compared with the sandbox (ListFoundationModels, ListInferenceProfiles in "
                + "us-east-1): no differences; 23 models agree with the catalog.");
    }

    @Test
    void findsTheModelACatalogCopyLacks() throws IOException {
        Path copy = dir.resolve("catalog.json");
        ObjectNode doc;
        try (InputStream in = getClass().getResourceAsStream("/catalog/bedrock-models.json")) {
            doc = (ObjectNode) JSON.readTree(in);
        }
        ArrayNode models = (ArrayNode) doc.get("models");
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).path("id").asText().equals(NOVA_MICRO)) {
                models.remove(i);
                break;
            }
        }
        Files.writeString(copy, JSON.writeValueAsString(doc));

        MainTest.Outcome o = frontier("models", "--sandbox", "--region", "us-east-1", "--catalog", copy.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).doesNotContain(NOVA_MICRO + "  Amazon Nova Micro")
                .contains("1 difference(s); 22 models agree.",
                        "  - amazon.nova-micro-v1:0 (Amazon): listed by the account, not in the catalog; profiles "
                                + "us.amazon.nova-micro-v1:0");

        MainTest.Outcome json = frontier("models", "--sandbox", "--region", "us-east-1", "--catalog", copy.toString(),
                "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode account = JSON.readTree(json.out()).path("account");
        assertThat(account.path("compared").asBoolean()).isTrue();
        assertThat(account.path("source").asText()).isEqualTo("sandbox");
        assertThat(account.path("differences")).hasSize(1);
        assertThat(account.path("differences").get(0).path("kind").asText()).isEqualTo("MissingFromCatalog");
        assertThat(account.path("differences").get(0).path("modelId").asText()).isEqualTo(NOVA_MICRO);
    }

    @Test
    void jsonCarriesPricesPerMillionAndTheLifecycle() throws IOException {
        MainTest.Outcome o = frontier("models", "--sandbox", "--region", "us-east-1", "--json");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode doc = JSON.readTree(o.out());
        assertThat(doc.path("priceUnit").asText()).isEqualTo("USD per 1M tokens");
        assertThat(doc.path("account").path("differences")).isEmpty();
        JsonNode haiku3 = null;
        JsonNode micro = null;
        for (JsonNode m : doc.path("models")) {
            if (m.path("id").asText().equals("anthropic.claude-3-haiku-20240307-v1:0")) {
                haiku3 = m;
            }
            if (m.path("id").asText().equals(NOVA_MICRO)) {
                micro = m;
            }
        }
        assertThat(haiku3).isNotNull();
        assertThat(haiku3.path("lifecycle").path("pastEndOfLife").asBoolean()).isTrue();
        assertThat(haiku3.path("lifecycle").path("endOfLife").asText()).isEqualTo("2026-09-10");
        assertThat(haiku3.path("capabilities").path("promptCaching").isNull()).isTrue();
        assertThat(micro.path("prices").path("regional").path("input").asText()).isEqualTo("0.035");
        assertThat(micro.path("prices").path("regional").path("sourceDate").asText()).isEqualTo("2025-07-20");
        assertThat(micro.path("callAs").toString()).isEqualTo("[\"amazon.nova-micro-v1:0\",\"us.amazon.nova-micro-v1:0\"]");
    }

    @Test
    void badArgumentsAndCatalogFilesExitTwoWithWhatToDo() throws IOException {
        MainTest.Outcome region = frontier("models", "--region", "US East");
        assertThat(region.code()).isEqualTo(2);
        assertThat(region.err()).contains("'US East' is not a Region name", "us-east-1").doesNotContain("at dev.");

        MainTest.Outcome missing = frontier("models", "--sandbox", "--catalog", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json: no such file");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"models\": [\n    { \"id\": \n");
        MainTest.Outcome bad = frontier("models", "--sandbox", "--catalog", broken.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("broken.json:4:", "not JSON").doesNotContain("at dev.");

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"suite\": \"x\"}");
        MainTest.Outcome notCatalog = frontier("models", "--sandbox", "--catalog", other.toString());
        assertThat(notCatalog.code()).isEqualTo(2);
        assertThat(notCatalog.err()).contains("other.json:1: not a model catalog");
    }
}
