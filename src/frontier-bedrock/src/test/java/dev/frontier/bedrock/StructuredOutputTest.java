package dev.frontier.bedrock;

import dev.frontier.invoke.ResponseCache;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontier.model.ModelRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;

/** A request with an output schema is sent as Converse structured output, and only such requests change keys. */
class StructuredOutputTest {

    private static final ModelRequest.InferenceParams PARAMS = new ModelRequest.InferenceParams(100, 0.0, null,
            List.of());
    private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {\"score\": {\"type\": \"number\"}}}";

    @Test
    void theSchemaGoesIntoOutputConfig() {
        ConverseRequest with = BedrockConverseClient.toConverse(new ModelRequest("amazon.nova-pro-v1:0", "sys", "user",
                false, PARAMS, Optional.of(SCHEMA)));
        assertThat(with.outputConfig().textFormat().type()).isEqualTo(OutputFormatType.JSON_SCHEMA);
        assertThat(with.outputConfig().textFormat().structure().jsonSchema().schema()).isEqualTo(SCHEMA);
        ConverseRequest without = BedrockConverseClient.toConverse(new ModelRequest("amazon.nova-pro-v1:0", "sys",
                "user", false, PARAMS));
        assertThat(without.outputConfig()).isNull();
    }

    @Test
    void theCacheKeyOfAFreeTextRequestIsUnchangedAndASchemaChangesIt() {
        ModelRequest plain = new ModelRequest("m.x", "sys", "user", false, PARAMS);
        ModelRequest structured = new ModelRequest("m.x", "sys", "user", false, PARAMS, Optional.of(SCHEMA));
        assertThat(ResponseCache.key("sandbox", plain))
                .isEqualTo(ResponseCache.key("sandbox", new ModelRequest("m.x", "sys", "user", false, PARAMS,
                        Optional.empty())));
        assertThat(ResponseCache.key("sandbox", structured)).isNotEqualTo(ResponseCache.key("sandbox", plain));
    }
}
