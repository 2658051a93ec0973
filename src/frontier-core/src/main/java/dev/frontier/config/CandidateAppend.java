package dev.frontier.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds a candidate to a suite file's text, leaving every other line (comments and layout included) as it was: the
 * new entry goes after the last entry of the block sequence {@code candidates:}, found from SnakeYAML's node marks,
 * at the same indentation. It copies the source candidate's model and settings (every key but {@code id},
 * {@code role} and {@code prompt}) and sets its own prompt. The caller loads the result with {@link SuiteLoader} to
 * check it.
 */
public final class CandidateAppend {

    private static final Set<String> NOT_COPIED = Set.of("id", "role", "prompt");

    private CandidateAppend() {
    }

    /** The suite file cannot be edited this way; the message says why and what to do. */
    public static final class NotEditable extends Exception {
        private static final long serialVersionUID = 1L;

        NotEditable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The new candidate.
     *
     * @param id       its id
     * @param sourceId the candidate whose model and settings it copies
     * @param system   its system prompt (empty to inherit the suite's)
     * @param user     its user prompt template
     * @param cache    its prompt-cache placement
     * @param comment  lines of the comment written above it (without {@code #})
     * @param made     for a source made by a {@code matrix:} entry (no entry of its own in the file): its model and
     *                 effective settings as {@code key: value} lines; empty otherwise
     */
    public record Entry(String id, String sourceId, String system, String user, PromptSpec.CacheMode cache,
                        List<String> comment, List<String> made) {
        public Entry {
            comment = List.copyOf(comment);
            made = List.copyOf(made);
        }
    }

    /**
     * The suite text with {@code entry} appended to its candidates.
     *
     * @throws NotEditable when the text has no block sequence {@code candidates:} or no candidate {@code sourceId}
     */
    public static String append(String suite, Entry entry) throws NotEditable {
        Node root = new Yaml(new LoaderOptions()).compose(new StringReader(suite));
        if (!(root instanceof MappingNode top)) {
            throw new NotEditable("the suite is not a YAML mapping");
        }
        SequenceNode candidates = value(top, "candidates").filter(SequenceNode.class::isInstance)
                .map(SequenceNode.class::cast)
                .orElseThrow(() -> new NotEditable("the suite has no 'candidates:' list"));
        if (candidates.getFlowStyle() == DumperOptions.FlowStyle.FLOW || candidates.getValue().isEmpty()) {
            throw new NotEditable("'candidates:' is not a block list ('- id: ...' entries); write it as one");
        }
        Optional<MappingNode> source = candidates.getValue().stream().filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast)
                .filter(m -> value(m, "id").filter(ScalarNode.class::isInstance)
                        .map(v -> ((ScalarNode) v).getValue()).filter(entry.sourceId()::equals).isPresent())
                .findFirst();
        if (source.isEmpty() && entry.made().isEmpty()) {
            throw new NotEditable("no candidate '" + entry.sourceId() + "'");
        }

        List<String> lines = new ArrayList<>(suite.lines().toList());
        Node first = candidates.getValue().get(0);
        String firstLine = lines.get(first.getStartMark().getLine());
        int dash = firstLine.lastIndexOf('-', first.getStartMark().getColumn() - 1);
        if (dash < 0) {
            throw new NotEditable("'candidates:' is not a block list ('- id: ...' entries); write it as one");
        }
        String indent = " ".repeat(dash);
        int after = lastContentLine(lines, candidates.getValue().get(candidates.getValue().size() - 1));

        List<String> block = new ArrayList<>();
        entry.comment().forEach(c -> block.add(indent + "#" + (c.isEmpty() ? "" : " " + c)));
        block.add(indent + "- id: " + scalar(entry.id()));
        if (source.isPresent()) {
            for (NodeTuple t : source.get().getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if (!NOT_COPIED.contains(key)) {
                    block.add(indent + "  " + key + ": " + flow(suite, t.getValueNode()));
                }
            }
        } else {
            entry.made().forEach(line -> block.add(indent + "  " + line));
        }
        block.add(indent + "  prompt:");
        if (!entry.system().isEmpty()) {
            block.addAll(literal(indent + "    ", "system", entry.system()));
        }
        block.addAll(literal(indent + "    ", "user", entry.user()));
        block.add(indent + "    cache: " + (entry.cache() == PromptSpec.CacheMode.SYSTEM ? "system" : "none"));
        lines.addAll(after + 1, block);
        return String.join("\n", lines) + (suite.endsWith("\n") ? "\n" : "");
    }

    /** The last line of an entry that is neither blank nor a comment (comments below it belong to what follows). */
    private static int lastContentLine(List<String> lines, Node last) {
        int line = last.getEndMark().getColumn() == 0 ? last.getEndMark().getLine() - 1 : last.getEndMark().getLine();
        line = Math.min(line, lines.size() - 1);
        while (line > last.getStartMark().getLine()
                && (lines.get(line).isBlank() || lines.get(line).strip().startsWith("#"))) {
            line--;
        }
        return line;
    }

    private static Optional<Node> value(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    /** A value of the source candidate as one line of flow YAML. */
    private static String flow(String suite, Node value) {
        Object data = new Yaml(new LoaderOptions()).load(suite.substring(value.getStartMark().getIndex(),
                value.getEndMark().getIndex()));
        if (data instanceof String s) {
            return scalar(s);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(data).strip();
    }

    /** A plain string as a YAML scalar, quoted when it must be. */
    private static String scalar(String s) {
        DumperOptions options = new DumperOptions();
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(s).strip();
    }

    /** {@code key: |-} and the text, each line indented below the key (an indentation indicator when needed). */
    private static List<String> literal(String indent, String key, String text) {
        List<String> out = new ArrayList<>();
        boolean leadingSpace = text.startsWith(" ") || text.startsWith("\n");
        String chomp = text.endsWith("\n") ? "+" : "-";
        out.add(indent + key + ": |" + (leadingSpace ? "2" : "") + chomp);
        for (String line : text.split("\n", -1)) {
            out.add(line.isEmpty() ? "" : indent + "  " + line);
        }
        if (text.endsWith("\n")) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
