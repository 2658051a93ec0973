package dev.frontier.cli;

import dev.frontier.logs.RedactionRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code --redact FILE}: a YAML (or JSON) list of {@code {pattern, replace}} rules. Every problem is gathered and
 * reported as {@code FILE:LINE: rules[i].field: problem}, exit 2; nothing is read from the logs before the rules are
 * good.
 */
final class RedactionFile {
    private static final int MAX_BYTES = 1 << 20;

    private RedactionFile() {
    }

    static RedactionRules read(Path file) {
        Node root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new CliFailure(Exit.INVALID_INPUT, "--redact " + file + ": no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new CliFailure(Exit.INVALID_INPUT, "--redact " + file + ": larger than 1 MiB; is it the rules?");
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = new Yaml(new LoaderOptions()).compose(reader);
            }
        } catch (YAMLException e) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ": not YAML or JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new CliFailure(Exit.INVALID_INPUT, "--redact " + file + ": cannot be read: " + Failures.describe(e));
        }
        if (!(root instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw new CliFailure(Exit.INVALID_INPUT, file + ":" + line(root) + ": expected a list of rules, e.g. "
                    + "- {pattern: '[\\w.]+@[\\w.]+', replace: '<email>'}");
        }
        List<String> problems = new ArrayList<>();
        List<RedactionRules.Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String at = file + ":" + line(item) + ": rules[" + i + "]";
            if (!(item instanceof MappingNode map)) {
                problems.add(at + ": expected {pattern: REGEX, replace: TEXT}");
                continue;
            }
            String pattern = null;
            String replace = null;
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                String where = file + ":" + line(t.getKeyNode()) + ": rules[" + i + "]." + key;
                if (!(t.getValueNode() instanceof ScalarNode v)) {
                    problems.add(where + ": expected a text");
                    continue;
                }
                switch (key) {
                    case "pattern" -> pattern = v.getValue();
                    case "replace" -> replace = v.getValue();
                    default -> problems.add(where + ": unknown key (a rule has pattern and replace)");
                }
            }
            if (pattern == null || pattern.isEmpty()) {
                problems.add(at + ".pattern: missing (a Java regular expression)");
                continue;
            }
            if (replace == null) {
                problems.add(at + ".replace: missing (the text each match becomes; '' removes it)");
                continue;
            }
            try {
                rules.add(RedactionRules.Rule.of(pattern, replace));
            } catch (PatternSyntaxException e) {
                problems.add(at + ".pattern: not a regular expression: " + e.getDescription() + " near index "
                        + e.getIndex());
            }
        }
        if (!problems.isEmpty()) {
            throw new CliFailure(Exit.INVALID_INPUT, "bad redaction rules:\n  " + String.join("\n  ", problems));
        }
        return new RedactionRules(rules);
    }

    private static int line(Node node) {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
