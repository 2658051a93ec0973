package dev.frontier.config;

import dev.frontier.model.Problem;
import dev.frontier.model.Location;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a composed YAML node tree while recording problems with positions, so that one pass reports them all.
 * Values of the wrong kind are reported and read as absent.
 */
final class YamlNodes {
    private final Path file;
    private final List<Problem> problems;
    private final Map<String, Location> locations;

    YamlNodes(Path file, List<Problem> problems, Map<String, Location> locations) {
        this.file = file;
        this.problems = problems;
        this.locations = locations;
    }

    Location at(Node node) {
        return new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    void error(Node node, String path, String problem, String hint) {
        problems.add(Problem.error(at(node), path, problem, hint));
    }

    void warning(Node node, String path, String problem, String hint) {
        problems.add(Problem.warning(at(node), path, problem, hint));
    }

    /** A mapping's entries by key; unknown and duplicate keys are reported. */
    Mapping mapping(Node node, String path, Set<String> allowed) {
        locations.putIfAbsent(path, at(node));
        Map<String, Node> values = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            error(node, path, "expected a mapping (key: value pairs), found " + kind(node), "");
            return new Mapping(path, values);
        }
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k)) {
                error(keyNode, path, "keys must be plain words", "");
                continue;
            }
            String key = k.getValue();
            String child = path.isEmpty() ? key : path + "." + key;
            if (values.containsKey(key)) {
                error(keyNode, child, "duplicate key", "remove one of the two");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                error(keyNode, child, "unknown key", Suggest.hint(key, allowed));
                continue;
            }
            locations.put(child, at(keyNode));
            values.put(key, t.getValueNode());
        }
        return new Mapping(path, values);
    }

    List<Node> sequence(Node node, String path) {
        locations.putIfAbsent(path, at(node));
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error(node, path, "expected a list, found " + kind(node), "write it as a list with '- ' items or [a, b]");
        return List.of();
    }

    Optional<String> string(Node node, String path) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return Optional.of(s.getValue());
        }
        error(node, path, "expected text, found " + kind(node), "");
        return Optional.empty();
    }

    Optional<Long> integer(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                return Optional.of(Long.parseLong(s.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                error(node, path, "not a whole number that fits: " + s.getValue(), "");
                return Optional.empty();
            }
        }
        error(node, path, "expected a whole number, found " + kind(node), "");
        return Optional.empty();
    }

    Optional<BigDecimal> decimal(Node node, String path) {
        if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                return Optional.of(new BigDecimal(s.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                error(node, path, "not a finite number: " + s.getValue(), "");
                return Optional.empty();
            }
        }
        error(node, path, "expected a number, found " + kind(node), "");
        return Optional.empty();
    }

    Optional<Boolean> bool(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        error(node, path, "expected true or false, found " + kind(node), "");
        return Optional.empty();
    }

    /** Converts a node to plain Java values (String, Long, Double, Boolean, List, Map), recording positions. */
    Object plain(Node node, String path) {
        locations.putIfAbsent(path, at(node));
        if (node instanceof ScalarNode s) {
            Tag tag = s.getTag();
            String v = s.getValue();
            try {
                if (tag.equals(Tag.NULL)) {
                    return null;
                } else if (tag.equals(Tag.BOOL)) {
                    return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
                } else if (tag.equals(Tag.INT)) {
                    return Long.parseLong(v.replace("_", ""));
                } else if (tag.equals(Tag.FLOAT)) {
                    return Double.parseDouble(v.replace("_", ""));
                }
            } catch (NumberFormatException e) {
                return v;
            }
            return v;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Node n : seq.getValue()) {
                out.add(plain(n, path + "[" + i++ + "]"));
            }
            return out;
        }
        Mapping m = mapping(node, path, null);
        Map<String, Object> out = new LinkedHashMap<>();
        m.values().forEach((k, v) -> out.put(k, plain(v, path + "." + k)));
        return out;
    }

    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        if (s.getTag().equals(Tag.NULL)) {
            return "nothing";
        }
        if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
            return "the number " + s.getValue();
        }
        if (s.getTag().equals(Tag.BOOL)) {
            return "the boolean " + s.getValue();
        }
        return "the text '" + abbreviate(s.getValue()) + "'";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** A mapping's known entries. */
    record Mapping(String path, Map<String, Node> values) {
        Optional<Node> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
