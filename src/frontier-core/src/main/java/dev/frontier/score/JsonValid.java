package dev.frontier.score;

import dev.frontier.model.Item;
import dev.frontier.model.Score;
import java.util.List;

/** 1 when the output is one JSON document, bare or inside a {@code ```json} fence (the note says which). */
record JsonValid() implements ItemScorer {
    static final List<String> PARAMETERS = List.of();

    @Override
    public String type() {
        return "json-valid";
    }

    @Override
    public Score score(Item item, String output) {
        JsonText.Parsed parsed = JsonText.parse(output);
        if (parsed instanceof JsonText.Parsed.Json json) {
            return Score.pass(true, "valid JSON " + JsonText.kind(json.node())
                    + (json.fenced() ? " inside a code fence" : ""));
        }
        return Score.pass(false, ((JsonText.Parsed.NotJson) parsed).reason());
    }
}
