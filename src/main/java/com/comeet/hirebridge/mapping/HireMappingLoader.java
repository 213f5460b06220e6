package com.comeet.hirebridge.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates a mapping file. Every error names the file and the line, so an integration engineer can fix
 * it without reading Java. The format:
 * <pre>
 * fields:
 *   hireDate:                         # the HRIS field
 *     from: $.start_date              # a JSONPath, answer(uid), or a list of them: the first with a value wins
 *     values: { "Tel Aviv": "TLV" }   # optional value map; key "*" catches any other value
 *     default: "2030-01-01"           # optional value when no source has one
 *     type: Location_ID               # optional; the kind of identifier the HRIS expects (Workday's wd:type)
 *     required: The first day of work is missing   # optional; the sentence the recruiter sees
 * </pre>
 */
public final class HireMappingLoader {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("fields");
    private static final Set<String> FIELD_KEYS = Set.of("from", "values", "default", "type", "required");

    private HireMappingLoader() {
    }

    public static HireMapping load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new MappingException(name, 0, "the file does not exist (working directory: "
                    + Path.of("").toAbsolutePath() + ")");
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new MappingException(name, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new MappingException(name, 0, "cannot be read: " + e.getMessage());
        }
        return parse(name, root);
    }

    static HireMapping parse(String file, Node root) {
        if (!(root instanceof MappingNode top)) {
            throw new MappingException(file, root == null ? 0 : line(root), "expected a 'fields:' section");
        }
        MappingNode fields = null;
        for (NodeTuple entry : top.getValue()) {
            String key = scalar(file, entry.getKeyNode(), "a top-level key");
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new MappingException(file, line(entry.getKeyNode()), "unknown top-level key '" + key
                        + "'; the fields go under 'fields:'");
            }
            if (!(entry.getValueNode() instanceof MappingNode section)) {
                throw new MappingException(file, line(entry.getValueNode()), "'fields' must map field names to rules");
            }
            fields = section;
        }
        if (fields == null || fields.getValue().isEmpty()) {
            throw new MappingException(file, line(top), "no fields are mapped: add them under 'fields:'");
        }
        List<FieldRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple entry : fields.getValue()) {
            String field = scalar(file, entry.getKeyNode(), "a field name");
            if (!seen.add(field)) {
                throw new MappingException(file, line(entry.getKeyNode()), "field '" + field + "' is mapped twice");
            }
            rules.add(rule(file, field, entry.getValueNode()));
        }
        return new HireMapping(file, rules);
    }

    private static FieldRule rule(String file, String field, Node node) {
        if (!(node instanceof MappingNode rule)) {
            throw new MappingException(file, line(node), "field '" + field
                    + "' must be a map with 'from' and optionally 'values', 'default', 'type', 'required'");
        }
        List<FieldSource> sources = List.of();
        Map<String, String> values = Map.of();
        String defaultValue = null;
        String type = null;
        String required = null;
        for (NodeTuple entry : rule.getValue()) {
            String key = scalar(file, entry.getKeyNode(), "a key");
            Node value = entry.getValueNode();
            switch (key) {
                case "from" -> sources = sources(file, field, value);
                case "values" -> values = values(file, field, value);
                case "default" -> defaultValue = scalar(file, value, "the default of field '" + field + "'");
                case "type" -> {
                    type = scalar(file, value, "the type of field '" + field + "'");
                    if (type.isBlank()) {
                        throw new MappingException(file, line(value), "field '" + field
                                + "': 'type' must name the kind of identifier, such as Location_ID");
                    }
                }
                case "required" -> {
                    required = scalar(file, value, "the 'required' sentence of field '" + field + "'");
                    if (required.isBlank()) {
                        throw new MappingException(file, line(value), "field '" + field
                                + "': 'required' must be the sentence the recruiter sees when the value is missing");
                    }
                }
                default -> throw new MappingException(file, line(entry.getKeyNode()), "field '" + field
                        + "': unknown key '" + key + "'; allowed: " + String.join(", ", FIELD_KEYS.stream()
                        .sorted().toList()));
            }
        }
        if (sources.isEmpty() && defaultValue == null) {
            throw new MappingException(file, line(rule), "field '" + field + "' has neither 'from' nor 'default'");
        }
        return new FieldRule(field, sources, values, defaultValue, type, required);
    }

    private static List<FieldSource> sources(String file, String field, Node node) {
        List<Node> expressions = node instanceof SequenceNode list ? list.getValue() : List.of(node);
        if (expressions.isEmpty()) {
            throw new MappingException(file, line(node), "field '" + field + "': 'from' is empty");
        }
        List<FieldSource> sources = new ArrayList<>();
        for (Node expression : expressions) {
            String text = scalar(file, expression, "a source of field '" + field + "'");
            try {
                sources.add(FieldSource.parse(text));
            } catch (IllegalArgumentException e) {
                throw new MappingException(file, line(expression), "field '" + field + "': " + e.getMessage());
            }
        }
        return List.copyOf(sources);
    }

    private static Map<String, String> values(String file, String field, Node node) {
        if (!(node instanceof MappingNode map)) {
            throw new MappingException(file, line(node), "field '" + field
                    + "': 'values' must map Comeet values to HRIS values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple entry : map.getValue()) {
            String from = scalar(file, entry.getKeyNode(), "a value of field '" + field + "'");
            values.put(from, scalar(file, entry.getValueNode(), "the HRIS value for '" + from + "'"));
        }
        return Map.copyOf(values);
    }

    private static String scalar(String file, Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new MappingException(file, line(node), what + " must be a single value");
        }
        return scalar.getValue();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
