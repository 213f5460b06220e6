package com.comeet.hirebridge.bamboohr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

/**
 * BambooHR's published OpenAPI 3.1 description, read once per JVM: finds the operation a request addresses and
 * validates values against the schemas at JSON pointers inside the document.
 */
final class BambooHrContract {

    /** Relative to the project root, where surefire runs the tests. */
    private static final Path DOCUMENT = Path.of("../shared/contracts/bamboohr/public.yaml");

    /** Base IRI the document is registered under; never fetched, so every {@code $ref} resolves in memory. */
    private static final String DOCUMENT_IRI = "https://api.bamboohr.com/openapi/public.yaml";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /**
     * The document's own fields, seen when it is read as the root schema, and the OpenAPI-only schema fields it
     * uses: none asserts anything, and declaring them keeps the validator from warning about each.
     */
    private static final List<String> OPENAPI_FIELDS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs", "example", "xml");

    private final JsonNode document;
    private final JsonSchema documentSchema;
    private final List<PathTemplate> paths;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private BambooHrContract(JsonNode document) {
        this.document = document;
        // 2020-12 treats format as an annotation only; BambooHR rejects a malformed date, so formats are asserted.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keywords(OPENAPI_FIELDS.stream().map(NonValidationKeyword::new).toList())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri()));
        this.documentSchema = factory.getSchema(SchemaLocation.of(DOCUMENT_IRI), document, config);
        List<PathTemplate> templates = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> templates.add(PathTemplate.of(template)));
        templates.sort(PathTemplate.MOST_SPECIFIC_FIRST);
        this.paths = List.copyOf(templates);
    }

    static BambooHrContract get() {
        return Loaded.CONTRACT;
    }

    /**
     * The operation for a path relative to the contract's server ({@code /api/v1/...}) and an HTTP method: that of
     * the most specific matching template which declares the method.
     */
    Optional<Operation> operation(String method, String apiPath) {
        String key = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(key)) {
            return Optional.empty();
        }
        return matchingTemplates(apiPath).stream()
                .filter(template -> document.path("paths").path(template.text()).has(key))
                .findFirst()
                .map(template -> new Operation(template, document.path("paths").path(template.text()).path(key),
                        pointer("paths", template.text(), key)));
    }

    /** Templates matching the path, concrete ones first as OpenAPI requires; empty when the path is not there. */
    List<PathTemplate> matchingTemplates(String apiPath) {
        return paths.stream().filter(template -> template.matches(apiPath)).toList();
    }

    /** Follows a {@code $ref} to a component; the node itself when it is not a reference. */
    Located resolve(Located located) {
        JsonNode ref = located.node().get("$ref");
        if (ref == null || !ref.asText().startsWith("#/")) {
            return located;
        }
        JsonNodePath target = SchemaLocation.Fragment.of(ref.asText());
        return resolve(new Located(document.at(ref.asText().substring(1)), target));
    }

    /** Security requirements of the operation, or the document-wide ones when the operation has none. */
    JsonNode security(Operation operation) {
        return operation.node().has("security") ? operation.node().get("security") : document.path("security");
    }

    JsonNode securityScheme(String name) {
        return document.path("components").path("securitySchemes").path(name);
    }

    /** Messages of the schema at the pointer for the value; empty when it is valid. */
    List<String> validate(JsonNodePath schemaPointer, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer.toString(),
                key -> documentSchema.getSubSchema(schemaPointer));
        return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonNodePath pointer(String... tokens) {
        JsonNodePath path = new JsonNodePath(PathType.JSON_POINTER);
        for (String token : tokens) {
            path = path.append(token);
        }
        return path;
    }

    private static JsonNode read(Path location) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(location.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read BambooHR's contract at " + location.toAbsolutePath()
                    + "; tests expect ../shared beside the project", e);
        }
    }

    /** A node of the document with the JSON pointer it was found at, so schemas under it can be validated. */
    record Located(JsonNode node, JsonNodePath pointer) {

        Located child(String token) {
            return new Located(node.path(token), pointer.append(token));
        }

        Located child(int index) {
            return new Located(node.path(index), pointer.append(index));
        }
    }

    record Operation(PathTemplate template, JsonNode node, JsonNodePath pointer) {

        Located located() {
            return new Located(node, pointer);
        }

        /** Path-level parameters first, then the operation's own, which override them by name and location. */
        List<Located> parameters(BambooHrContract contract) {
            Located pathItem = new Located(contract.document.path("paths").path(template.text()),
                    pointer.getParent());
            List<Located> declared = new ArrayList<>();
            collect(contract, pathItem.child("parameters"), declared);
            collect(contract, located().child("parameters"), declared);
            return declared;
        }

        private static void collect(BambooHrContract contract, Located parameters, List<Located> declared) {
            for (int index = 0; index < parameters.node().size(); index++) {
                Located parameter = contract.resolve(parameters.child(index));
                declared.removeIf(earlier -> sameParameter(earlier.node(), parameter.node()));
                declared.add(parameter);
            }
        }

        private static boolean sameParameter(JsonNode one, JsonNode other) {
            return one.path("name").asText().equals(other.path("name").asText())
                    && one.path("in").asText().equals(other.path("in").asText());
        }
    }

    /** A path of the contract, such as {@code /api/v1/employees/{id}/files}, split into segments. */
    record PathTemplate(String text, List<String> segments) {

        /** A concrete segment wins over a template variable at the first place they differ. */
        static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = (one, other) -> {
            for (int index = 0; index < Math.min(one.segments.size(), other.segments.size()); index++) {
                boolean oneVariable = isVariable(one.segments.get(index));
                if (oneVariable != isVariable(other.segments.get(index))) {
                    return oneVariable ? 1 : -1;
                }
            }
            return one.text.compareTo(other.text);
        };

        static PathTemplate of(String text) {
            return new PathTemplate(text, List.of(text.substring(1).split("/", -1)));
        }

        boolean matches(String apiPath) {
            String[] requested = apiPath.substring(1).split("/", -1);
            if (requested.length != segments.size()) {
                return false;
            }
            for (int index = 0; index < requested.length; index++) {
                String segment = segments.get(index);
                boolean matches = isVariable(segment) ? !requested[index].isEmpty() : segment.equals(requested[index]);
                if (!matches) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }

    /** Holder idiom: the 16,000-line document is parsed on first use and once per JVM. */
    private static final class Loaded {
        static final BambooHrContract CONTRACT = new BambooHrContract(read(DOCUMENT));
    }
}
