package dev.frontier.distill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frontier.config.CandidateSpec;
import dev.frontier.config.DistillationSpec;
import dev.frontier.dataset.HoldoutSplit;
import dev.frontier.model.Item;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The training file of a customization job in Bedrock's {@code bedrock-conversation-2024} JSONL: one record per
 * item outside the holdout split, with the teacher candidate's system prompt and user turn, and — when the teacher's
 * answer to the item scored at least the golden threshold — that answer as the assistant turn. Holdout items never
 * enter the file, so the custom model is evaluated on items it was not trained on.
 *
 * @param jsonl      the file's bytes (UTF-8, one JSON object per line)
 * @param sha256     hex SHA-256 of the bytes
 * @param records    lines written
 * @param withAnswer of which with an assistant turn
 * @param itemIds    the items written, in dataset order
 */
public record TrainingData(byte[] jsonl, String sha256, int records, int withAnswer, List<String> itemIds)
        implements TrainingInput {

    /** The schema version Bedrock expects in every record. */
    public static final String SCHEMA_VERSION = "bedrock-conversation-2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainingData {
        Objects.requireNonNull(jsonl, "jsonl");
        itemIds = List.copyOf(itemIds);
    }

    /** A training file that Bedrock would refuse; the message says what to change. */
    public static final class LimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LimitException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A teacher answer to one item.
     *
     * @param text    the output
     * @param quality its weighted quality, or null when not scorable
     */
    public record TeacherAnswer(String text, Double quality) {
    }

    /**
     * Builds the file.
     *
     * @param items    every item of the dataset
     * @param split    the suite's holdout split; held-out items are left out
     * @param teacher  the teacher candidate, whose prompts are rendered
     * @param answers  the teacher's answers by item id (may be empty)
     * @param spec     the distillation section (method, golden threshold, student)
     * @throws LimitException when the file breaks one of Bedrock's limits
     */
    public static TrainingData export(List<Item> items, HoldoutSplit split, CandidateSpec teacher,
                                      Map<String, TeacherAnswer> answers, DistillationSpec spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> ids = new ArrayList<>();
        int withAnswer = 0;
        OptionalDouble golden = spec.goldenThreshold();
        for (Item item : items) {
            if (split.isHoldout(item)) {
                continue;
            }
            ObjectNode record = JSON.createObjectNode();
            record.put("schemaVersion", SCHEMA_VERSION);
            String system = teacher.prompt().system().render(item);
            if (!system.isEmpty()) {
                record.putArray("system").addObject().put("text", system);
            }
            ArrayNode messages = record.putArray("messages");
            ObjectNode user = messages.addObject().put("role", "user");
            user.putArray("content").addObject().put("text", teacher.prompt().user().render(item));
            TeacherAnswer answer = answers.get(item.id());
            if (golden.isPresent() && answer != null && answer.quality() != null
                    && answer.quality() >= golden.getAsDouble() && !answer.text().isBlank()) {
                ObjectNode assistant = messages.addObject().put("role", "assistant");
                assistant.putArray("content").addObject().put("text", answer.text());
                withAnswer++;
            } else if (spec.method() == DistillationSpec.Method.FINE_TUNING) {
                continue; // fine-tuning learns from answers: a prompt without a good one teaches nothing
            }
            byte[] line = line(record);
            if (line.length > CustomizationCatalog.MAX_LINE_BYTES) {
                throw new LimitException("item " + item.id() + " makes a training record of " + line.length
                        + " bytes; Bedrock takes at most " + CustomizationCatalog.MAX_LINE_BYTES + " bytes per line"
                        + " (shorten the prompt, or leave the item out of the dataset)");
            }
            out.writeBytes(line);
            out.write('\n');
            ids.add(item.id());
            if (out.size() > CustomizationCatalog.MAX_FILE_BYTES) {
                throw new LimitException("the training file passes Bedrock's " + CustomizationCatalog.MAX_FILE_BYTES
                        + "-byte limit (use dataset.limit to take fewer items)");
            }
        }
        check(spec, ids.size());
        byte[] bytes = out.toByteArray();
        return new TrainingData(bytes, sha256(bytes), ids.size(), withAnswer, ids);
    }

    private static void check(DistillationSpec spec, int records) {
        if (spec.method() == DistillationSpec.Method.DISTILLATION) {
            if (records < CustomizationCatalog.MIN_DISTILLATION_PROMPTS) {
                throw new LimitException("only " + records + " training prompts outside the holdout; a distillation "
                        + "job needs at least " + CustomizationCatalog.MIN_DISTILLATION_PROMPTS + " (add items to the "
                        + "dataset or lower dataset.holdout)");
            }
            if (records > CustomizationCatalog.MAX_DISTILLATION_PROMPTS) {
                throw new LimitException(records + " training prompts; a distillation job takes at most "
                        + CustomizationCatalog.MAX_DISTILLATION_PROMPTS + " (set dataset.limit)");
            }
        } else {
            if (spec.goldenThreshold().isEmpty()) {
                throw new LimitException("fine-tuning needs answers: set distillation.goldenThreshold so that the "
                        + "teacher's answers scoring at least that become the training targets");
            }
            if (records == 0) {
                throw new LimitException("no teacher answer outside the holdout reaches distillation.goldenThreshold "
                        + spec.goldenThreshold().getAsDouble() + " (lower it, or run the suite first)");
            }
            int max = CustomizationCatalog.maxFineTuningRecords(spec.student());
            if (records > max) {
                throw new LimitException(records + " fine-tuning records; " + CustomizationCatalog.baseId(spec.student())
                        + " takes at most " + max + " (set dataset.limit)");
            }
        }
    }

    private static byte[] line(ObjectNode record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The file as text, for tests and previews. */
    public String text() {
        return new String(jsonl, StandardCharsets.UTF_8);
    }
}
