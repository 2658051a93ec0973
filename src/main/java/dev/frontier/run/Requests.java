package dev.frontier.run;

import dev.frontier.config.CandidateSpec;
import dev.frontier.config.InferenceSpec;
import dev.frontier.config.PromptSpec;
import dev.frontier.model.Item;
import dev.frontier.model.ModelRequest;

/** Builds the model request for one candidate and one item. */
final class Requests {
    private Requests() {
    }

    static ModelRequest of(CandidateSpec c, Item item) {
        InferenceSpec inf = c.inference();
        ModelRequest.InferenceParams params = new ModelRequest.InferenceParams(inf.maxTokens(),
                inf.temperature().isPresent() ? inf.temperature().getAsDouble() : null,
                inf.topP().isPresent() ? inf.topP().getAsDouble() : null, inf.stopSequences());
        return new ModelRequest(c.model(), c.prompt().system().render(item), c.prompt().user().render(item),
                c.prompt().cache() == PromptSpec.CacheMode.SYSTEM, params);
    }
}
