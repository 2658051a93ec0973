package dev.frontier.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.catalog.Catalog;
import dev.frontier.model.Problem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceFileTest {
    private static final Path FILE = Path.of("prices.json");
    private static final String LITE = "amazon.nova-lite-v1:0";

    private static PriceFile.Result parse(String text) {
        return PriceFile.parse(text, FILE, Catalog.bundled());
    }

    private static List<String> problems(String text) {
        PriceFile.Result r = parse(text);
        assertThat(r).isInstanceOf(PriceFile.Invalid.class);
        return ((PriceFile.Invalid) r).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void pricesReplaceOnlyWhatTheyNameAndKeepTheRestOfTheCatalog() {
        PriceFile.Result r = parse("""
                { "region": "us-east-1", "source": "our contract", "asOf": "2026-12-01",
                  "models": {
                    "amazon.nova-lite-v1:0": { "input": "0.00003", "output": 0.00012 },
                    "global.anthropic.claude-sonnet-4-5-20250929-v1:0": { "input": 0.0027, "output": 0.0135,
                      "source": "global deal", "asOf": "2026-11-30" } } }
                """);
        assertThat(r).isInstanceOf(PriceFile.Loaded.class);
        PriceFile file = ((PriceFile.Loaded) r).file();
        assertThat(((PriceFile.Loaded) r).warnings()).isEmpty();
        assertThat(file.region()).contains("us-east-1");
        PriceCatalog base = PriceCatalog.bundled();
        PriceCatalog priced = file.applyTo(base);
        ModelPrice lite = priced.find("us." + LITE).orElseThrow();
        assertThat(lite.input()).contains(new BigDecimal("0.00003"));
        assertThat(lite.output()).contains(new BigDecimal("0.00012"));
        // not given: the catalog's batch and cache prices stay
        assertThat(lite.batchInput()).isEqualTo(base.find(LITE).orElseThrow().batchInput());
        assertThat(lite.source()).isEqualTo("our contract");
        assertThat(lite.asOf()).isEqualTo("2026-12-01");
        ModelPrice global = priced.find("global.anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();
        assertThat(global.input()).contains(new BigDecimal("0.0027"));
        assertThat(global.source()).isEqualTo("global deal");
        // the regional Sonnet price is untouched by the global one
        assertThat(priced.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0"))
                .isEqualTo(base.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        assertThat(priced.version()).endsWith("+overrides");
    }

    @Test
    void badValuesAndUnknownKeysAreReportedAtTheirLineAndColumn() {
        List<String> p = problems("""
                {
                  "models": {
                    "amazon.nova-lite-v1:0": { "input": "abc", "output": -0.1, "cacheRaed": 0.1 },
                    "amazon.nova-micro-v1:0": { "input": [1], "output": true }
                  },
                  "currency": "EUR"
                }
                """);
        assertThat(p).containsExactly(
                "prices.json:3:41 models.amazon.nova-lite-v1:0.input: 'abc' is not a price (give USD per 1,000 tokens "
                        + "as a number of zero or more, e.g. 0.003)",
                "prices.json:3:58 models.amazon.nova-lite-v1:0.output: '-0.1' is not a price (give USD per 1,000 "
                        + "tokens as a number of zero or more, e.g. 0.003)",
                "prices.json:3:64 models.amazon.nova-lite-v1:0.cacheRaed: unknown key (allowed: input, output, "
                        + "batchInput, batchOutput, cacheRead, cacheWrite, source, asOf, notes)",
                "prices.json:4:42 models.amazon.nova-micro-v1:0.input: an array is not a price (give USD per 1,000 "
                        + "tokens as a number of zero or more, e.g. 0.003)",
                "prices.json:4:57 models.amazon.nova-micro-v1:0.output: a boolean is not a price (give USD per 1,000 "
                        + "tokens as a number of zero or more, e.g. 0.003)",
                "prices.json:6:3 currency: unknown key (allowed: region, source, asOf, models)");
    }

    @Test
    void syntaxErrorsDuplicatesAndEmptyFilesAreProblems() {
        assertThat(problems("{\n  \"models\": { \"a\": { \"input\": 1 }\n")).singleElement()
                .satisfies(s -> assertThat(s).startsWith("prices.json:3:").contains("not valid JSON"));
        assertThat(problems("{ \"models\": { \"amazon.nova-lite-v1:0\": { \"input\": 1, \"input\": 2 } } }"))
                .singleElement().satisfies(s -> assertThat(s).startsWith("prices.json:1:").contains("Duplicate field"));
        assertThat(problems("[]")).singleElement().satisfies(s -> assertThat(s).contains("a price file is a JSON "
                + "object"));
        assertThat(problems("{ \"region\": \"us-east-1\" }")).singleElement()
                .satisfies(s -> assertThat(s).contains("no 'models' object"));
        assertThat(problems("{ \"models\": { \"amazon.nova-lite-v1:0\": { \"source\": \"x\" } } }")).singleElement()
                .satisfies(s -> assertThat(s).contains("no price given"));
        assertThat(problems("{ \"models\": { \"amazon.nova-lite-v1:0\": 0.1 } }")).singleElement()
                .satisfies(s -> assertThat(s).contains("must be an object of prices"));
        assertThat(problems("{ \"models\": {} } {}")).singleElement()
                .satisfies(s -> assertThat(s).contains("text after the closing brace"));
    }

    @Test
    void aModelTheCatalogDoesNotKnowIsAWarning() {
        PriceFile.Result r = parse(
                "{ \"models\": {\n \"acme.brand-new-v1:0\": { \"input\": 0.001, \"output\": 0.002 } } }");
        assertThat(r).isInstanceOf(PriceFile.Loaded.class);
        assertThat(((PriceFile.Loaded) r).warnings()).singleElement().satisfies(w -> {
            assertThat(w.isError()).isFalse();
            assertThat(w.toString()).startsWith("prices.json:2:2 warning: models.acme.brand-new-v1:0: the model "
                    + "catalog does not know this model");
        });
        assertThat(((PriceFile.Loaded) r).file().applyTo(PriceCatalog.bundled()).find("acme.brand-new-v1:0"))
                .isPresent();
    }
}
